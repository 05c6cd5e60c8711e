/**
 * The only external hosts a page may link to: operators, banks, wallets, regulators, the services a page
 * describes, and the publications our facts cite. Anything else (shops, "agents", messenger channels,
 * affiliate links) is a build error. Subdomains of a listed host are allowed.
 */
export const ALLOWED_HOSTS: Record<string, readonly string[]> = {
  operators: ['jazz.com.pk', 'zong.com.pk'],
  wallets: ['jazzcash.com.pk'],
  banks: ['mcb.com.pk'],
  regulators: ['pta.gov.pk', 'fbr.gov.pk'],
  services: ['airalo.com', 'ding.com'],
  press: [
    'telecomtv.com',
    'propakistani.pk',
    'profit.pakistantoday.com.pk',
    'phoneworld.com.pk',
    'itnama.com',
    'pkrevenue.com',
    'express.pk',
    'gadinsider.com',
    'dawn.com',
    'bolnews.com',
  ],
};

const HOSTS = Object.values(ALLOWED_HOSTS).flat();

/** Never allowed, even if a host above were to match: messenger channels and invite links. */
const FORBIDDEN = /(^|\.)(t\.me|telegram\.(me|org|dog)|wa\.me|wa\.link|chat\.whatsapp\.com|postimg\.cc)$/i;

/** Query parameters that mark a link as an ad or an affiliate link. */
const TRACKING =
  /^(utm_[a-z]+|ref|referral|referrer|aff|affiliate|aff_id|affid|partner|promo|promocode|coupon|fbclid|gclid)$/i;

/**
 * Why a link may not appear on the site, as a phrase to follow the URL ("… is a messenger channel or invite link"),
 * or undefined when it is fine: only http(s) links to the hosts above, never to a messenger channel, without ad or
 * affiliate parameters.
 */
export function externalLinkProblem(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'is not an http(s) link';
  const host = url.hostname.toLowerCase();
  if (FORBIDDEN.test(host)) return 'is a messenger channel or invite link, which the site never links to';
  if (!HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))) {
    return `goes to ${host}, which is not on the allow-list in src/lib/external-links.ts`;
  }
  const tracking = [...url.searchParams.keys()].filter((key) => TRACKING.test(key));
  if (tracking.length) return `carries ad or affiliate parameters (${tracking.join(', ')}); link to the page itself`;
  return undefined;
}

export function isAllowedExternalUrl(href: string): boolean {
  return externalLinkProblem(href) === undefined;
}

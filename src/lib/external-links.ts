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
const FORBIDDEN = /(^|\.)(t\.me|telegram\.(me|org)|wa\.me|chat\.whatsapp\.com|postimg\.cc)$/i;

export function isAllowedExternalUrl(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  if (FORBIDDEN.test(host)) return false;
  return HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

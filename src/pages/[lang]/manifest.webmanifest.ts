import type { APIRoute } from 'astro';
import { useTranslations } from '../../i18n';
import { LOCALES, type Locale } from '../../lib/locales';
import { webManifest } from '../../lib/web-manifest';

/** /zh/manifest.webmanifest and /en/manifest.webmanifest: the installable app, named in its language. */
export function getStaticPaths() {
  return LOCALES.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = ({ params }) => {
  const locale = params['lang'] as Locale;
  const t = useTranslations(locale);
  const manifest = webManifest(locale, {
    name: t('site.name'),
    shortName: t('offline.appShortName'),
    description: t('site.description'),
  });
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
};

import { htmlLang, type Locale } from '../../core/locales';
import { localizedPath } from '../../core/urls';

/**
 * The web app manifest, one per language (/zh/manifest.webmanifest, /en/manifest.webmanifest), each linked from
 * the pages of its language. No browser supports the spec's `name_localized` yet, so the name comes from the
 * language of the page the reader installs from: an app installed from a Chinese page is called
 * 巴基斯坦流量充值指南 and opens /zh/. Each has its own `id`, so both languages can be installed side by side.
 */

/** The brand colours, as in src/styles/global.css and the theme-color meta tags. */
export const THEME = {
  light: { theme: '#0b6e4f', background: '#ffffff' },
  dark: { theme: '#10241c', background: '#121619' },
} as const;

export const ICONS = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
  { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
] as const;

export const APPLE_TOUCH_ICON = '/icons/apple-touch-icon.png';

export function manifestPath(locale: Locale): string {
  return `${localizedPath(locale)}manifest.webmanifest`;
}

export interface ManifestText {
  name: string;
  shortName: string;
  description: string;
}

export function webManifest(locale: Locale, text: ManifestText) {
  const start = localizedPath(locale);
  return {
    id: start,
    name: text.name,
    short_name: text.shortName,
    description: text.description,
    lang: htmlLang(locale),
    dir: 'ltr',
    start_url: start,
    // The whole site, so a link to the other language stays inside the installed app.
    scope: '/',
    display: 'standalone',
    theme_color: THEME.light.theme,
    background_color: THEME.light.background,
    // w3c/manifest#1207: dark-mode colours; browsers that do not know it keep the light ones (and the pages'
    // theme-color meta tags, which do support dark mode).
    color_scheme_dark: { theme_color: THEME.dark.theme, background_color: THEME.dark.background },
    icons: ICONS,
  };
}

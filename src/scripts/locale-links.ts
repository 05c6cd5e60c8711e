import { rememberLocale } from './remember-locale';

/**
 * Language links (`a[data-switch-locale]`): remember the choice for the `/` chooser, and keep the reader's place,
 * since the same anchor ids exist in every language of a page.
 */
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-switch-locale]');
  if (!link) return;
  rememberLocale(link.dataset['switchLocale']);
  if (location.hash) link.hash = location.hash;
});

import { rememberLocale } from './remember-locale';

/**
 * Language links (`a[data-switch-locale]`): remember the choice for the `/` chooser, and keep the reader's place:
 * the #anchor (the same ids exist in every language of a page) and the query (a shared search, `?q=…`). The hash is
 * read at click time, so it is the one the reader has now, not the one the page opened with.
 */
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-switch-locale]');
  if (!link) return;
  rememberLocale(link.dataset['switchLocale']);
  link.search = location.search;
  link.hash = location.hash;
});

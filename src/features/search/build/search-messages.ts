import type { Translate } from '../../../i18n';

/**
 * The sentences the search UI shows in the browser, translated at build time and handed over as JSON in a
 * `data-messages` attribute. `{query}` and `{n}` are filled in by the browser code, as text, never as HTML.
 */
export function searchMessages(t: Translate): string {
  const fill = { query: '{query}', n: '{n}' };
  return JSON.stringify({
    one: t('search.resultsOne', fill),
    many: t('search.resultsMany', fill),
    none: t('search.noResults', fill),
    empty: t('search.empty'),
    unavailable: t('search.unavailable'),
    pageStart: t('search.pageStart'),
  });
}

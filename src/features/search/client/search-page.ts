import { normalizeQuery, queryOf, resultSummary } from '../search';
import { findPages } from './engine';
import { readMessages, renderHits } from './render';

/**
 * The search page: the URL (?q=…) is the state. Typing updates the results at once and the address with it;
 * the first keystroke of a new search adds a history entry and later ones replace it, so Back returns to the
 * previous search (or page) rather than to every letter typed. Reloading or sharing the address shows the same
 * results. Without JavaScript none of this runs, and the page lists every guide instead. The status line's
 * `data-query` names the query its text and the results belong to. Loaded with ./search-ui.ts.
 */
export function searchPage(root: HTMLElement): void {
  const form = root.querySelector('form');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const status = root.querySelector<HTMLElement>('.search-status');
  const list = root.querySelector<HTMLElement>('.search-hits');
  const browse = root.querySelector<HTMLElement>('.search-browse');
  if (!form || !input || !status || !list || !browse) return;

  const messages = readMessages(root);
  const baseTitle = document.title;
  let latest = 0;
  let typing = false;

  const show = async (query: string) => {
    const mine = ++latest;
    document.title = query ? `${query} · ${baseTitle}` : baseTitle;
    if (!query) {
      list.replaceChildren();
      status.textContent = messages.empty;
      status.dataset['query'] = '';
      browse.hidden = false;
      return;
    }
    try {
      const answer = await findPages(query, 24, 3, () => mine !== latest);
      if (!answer || mine !== latest) return;
      const { hits, total, unsure } = answer;
      renderHits(list, hits, messages, true);
      status.textContent = resultSummary(messages, query, total);
      status.dataset['query'] = query;
      // When search is unsure, the ways that need no internet and every guide follow the results.
      browse.hidden = !unsure;
    } catch {
      if (mine !== latest) return;
      list.replaceChildren();
      status.textContent = messages.unavailable;
      status.dataset['query'] = query;
      browse.hidden = false;
    }
  };

  const address = (query: string) => (query ? `?${new URLSearchParams({ q: query })}` : location.pathname);

  input.addEventListener('input', () => {
    const query = normalizeQuery(input.value);
    if (query === queryOf(location.search)) return;
    history[typing ? 'replaceState' : 'pushState'](null, '', address(query));
    typing = true;
    void show(query);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = normalizeQuery(input.value);
    if (query !== queryOf(location.search)) history.pushState(null, '', address(query));
    typing = false;
    void show(query);
  });
  addEventListener('popstate', () => {
    typing = false;
    const query = queryOf(location.search);
    input.value = query;
    void show(query);
  });

  // What the reader typed before this script ran counts as a new search; otherwise the address decides.
  const typed = normalizeQuery(input.value);
  const initial = queryOf(location.search);
  if (typed && typed !== initial) {
    history.pushState(null, '', address(typed));
    typing = true;
    void show(typed);
  } else {
    input.value = initial;
    void show(initial);
  }
}

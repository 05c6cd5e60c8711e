import { normalizeQuery, resultSummary } from '../search';
import { findPages, loadEngine } from './engine';
import { readMessages, renderHits } from './render';

/**
 * Results under the header search box as the reader types (loaded by ./header-loader.ts on first focus).
 * Enter still submits the form to the search page. Escape or a tap elsewhere closes the results.
 */
export function enhance(box: HTMLElement): void {
  const form = box.querySelector('form');
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]');
  const panel = box.querySelector<HTMLElement>('.search-live');
  const status = panel?.querySelector<HTMLElement>('.search-status');
  const list = panel?.querySelector<HTMLElement>('.search-hits');
  const seeAll = panel?.querySelector<HTMLAnchorElement>('.search-see-all a');
  if (!form || !input || !panel || !status || !list || !seeAll) return;
  const messages = readMessages(box);
  let latest = 0;

  const close = () => {
    panel.hidden = true;
  };
  const open = () => {
    panel.hidden = false;
  };

  const update = async () => {
    const query = normalizeQuery(input.value);
    const mine = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      close();
      return;
    }
    const all = new URL(form.action);
    all.searchParams.set('q', query);
    seeAll.href = all.pathname + all.search;
    try {
      const answer = await findPages(query, 5, 1, () => mine !== latest);
      if (!answer || mine !== latest) return;
      const { hits, total } = answer;
      open();
      renderHits(list, hits, messages, false);
      status.textContent = resultSummary(messages, query, total);
      status.dataset['query'] = query;
    } catch {
      if (mine !== latest) return;
      open();
      list.replaceChildren();
      status.textContent = messages.unavailable;
      status.dataset['query'] = query;
    }
  };

  input.setAttribute('aria-controls', panel.id || (panel.id = `${input.id}-results`));
  input.addEventListener('input', () => void update());
  input.addEventListener('focus', () => {
    if (list.childElementCount || status.textContent) open();
  });
  box.addEventListener('keydown', (event) => {
    // The first Escape closes the results (and keeps the text); a second one lets the browser clear the box.
    if (event.key === 'Escape' && !panel.hidden) {
      event.preventDefault();
      close();
      input.focus();
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (!box.contains(event.target as Node)) close();
  });
  box.addEventListener('focusout', (event) => {
    if (!box.contains(event.relatedTarget as Node | null)) close();
  });
  // Warm up while the reader starts typing, then answer whatever is already in the box.
  void loadEngine().catch(() => undefined);
  if (input.value) void update();
}

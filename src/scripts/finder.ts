/**
 * The home page's chooser with JavaScript (src/components/MethodFinder.astro): the answers become radio buttons,
 * the links of a chosen answer show under it, and the list of ways (`data-finder-list`, one card per method) is
 * sorted by `rankMethods` (src/lib/rank-methods.ts): best fits first, ways an answer rules out last and marked.
 * A status line (a polite live region) says how many ways fit. Nothing is sent anywhere; nothing is stored.
 */
import { rankMethods } from '../lib/rank-methods';

const finder = document.querySelector<HTMLElement>('[data-finder]');
const list = document.querySelector<HTMLElement>('[data-finder-list]');
if (finder && list) enhance(finder, list);

function words(value: string | undefined): string[] {
  return (value ?? '').split(' ').filter(Boolean);
}

function enhance(finder: HTMLElement, list: HTMLElement): void {
  const radios = [...finder.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const cards = [...list.querySelectorAll<HTMLElement>(':scope > [data-method]')];
  const methods = cards.map((card) => card.dataset['method'] ?? '');
  const status = finder.querySelector<HTMLElement>('.finder-status');
  const reset = finder.querySelector<HTMLButtonElement>('.finder-reset');

  function update(): void {
    const picked = radios.filter((radio) => radio.checked);
    for (const radio of radios) radio.closest('.finder-answer')?.classList.toggle('is-chosen', radio.checked);
    const ranked = rankMethods(
      methods,
      picked.map((radio) => ({
        recommend: words(radio.dataset['recommend']),
        exclude: words(radio.dataset['exclude']),
      })),
    );
    for (const { method, fit } of ranked) {
      const card = cards[methods.indexOf(method)];
      if (!card) continue;
      list.append(card);
      if (picked.length) card.dataset['fit'] = fit;
      else delete card.dataset['fit'];
      for (const badge of card.querySelectorAll<HTMLElement>('[data-fit-badge]'))
        badge.hidden = !picked.length || badge.dataset['fitBadge'] !== fit;
    }
    const fitting = ranked.filter((r) => r.fit !== 'no').length;
    if (status) {
      status.textContent = !picked.length
        ? ''
        : fitting === 0
          ? (finder.dataset['statusNone'] ?? '')
          : (finder.dataset['status'] ?? '').replace('{n}', String(fitting)).replace('{total}', String(methods.length));
    }
    if (reset) reset.hidden = !picked.length;
  }

  for (const radio of radios) radio.hidden = false;
  finder.dataset['enhanced'] = '';
  finder.addEventListener('change', update);
  reset?.addEventListener('click', () => {
    for (const radio of radios) radio.checked = false;
    update();
    radios[0]?.focus();
  });
  // A reader coming back (Back button) may find answers the browser kept: show what they lead to.
  if (radios.some((radio) => radio.checked)) update();
}

/**
 * Copy buttons for dialable facts (codes, phone numbers, SMS numbers rendered by <Fact>). The buttons are in the
 * HTML with `hidden`, so without JavaScript the reader sees only the code as a plain `tel:` link. Here each
 * button is shown; a click copies its value, the button says "Copied" for a moment, and the page's live region
 * (./announce.ts) announces it. If the clipboard is unavailable, the code is selected so it can be copied by hand.
 */
import { announce } from '../../../core/client/announce';

const FEEDBACK_MS = 2500;

const buttons = [...document.querySelectorAll<HTMLButtonElement>('button.fact-copy[data-copy]')];

for (const button of buttons) {
  const label = button.querySelector<HTMLElement>('.fact-copy-label');
  const original = label?.textContent ?? '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const value = button.dataset['copy'] ?? '';
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const code = button.closest('.fact')?.querySelector('code');
      if (code) getSelection()?.selectAllChildren(code);
      announce(button.dataset['failed'] ?? '');
      return;
    }
    announce(button.dataset['announce'] ?? '');
    if (label) {
      label.textContent = button.dataset['copied'] ?? original;
      clearTimeout(timer);
      timer = setTimeout(() => {
        label.textContent = original;
      }, FEEDBACK_MS);
    }
  });
}

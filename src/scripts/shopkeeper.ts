import { formatPkMobile } from '../lib/pk-mobile';
import type { AmountLanguage } from '../lib/rupees';
import { CARD_IDS, slotText, type CardId, type CardValues, type RequestKind, type Slot } from '../lib/shopkeeper-card';
import { readRequest, type FieldError } from '../lib/shopkeeper-request';
import { forgetNumber, saveNumber, savedNumber } from './shopkeeper-storage';

/**
 * The shopkeeper page with JavaScript: show the form, read it, and either list what is wrong (nothing else
 * happens) or fill the cards' slots and show card 1. Everything stays in this page: no request is made, and
 * the number is stored only when the reader asks for it. Without this script the page shows blank cards.
 */

const FIELD_TARGET: Record<FieldError['field'], string> = {
  number: 'sk-number',
  kind: 'sk-kind-load',
  amount: 'sk-amount',
};

function must<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`shopkeeper page: ${selector} is missing`);
  return element;
}

function isSlot(value: string | undefined): value is Slot {
  return value === 'number' || value === 'amount';
}

function isAmountLanguage(value: string | undefined): value is AmountLanguage {
  return value === 'ur' || value === 'en' || value === 'zh';
}

function setUp(root: HTMLElement): void {
  const form = must<HTMLFormElement>(root, '#sk-form');
  const summary = must<HTMLElement>(root, '#sk-errors');
  const summaryList = must<HTMLUListElement>(summary, '.sk-error-list');
  const numberInput = must<HTMLInputElement>(form, '#sk-number');
  const remember = must<HTMLInputElement>(form, '#sk-remember');
  const saved = must<HTMLElement>(form, '#sk-saved');
  const savedText = must<HTMLElement>(saved, '.sk-saved-text');
  const status = must<HTMLElement>(form, '#sk-status');
  const messages = JSON.parse(form.dataset['messages'] ?? '{}') as Record<string, string>;
  const errorPrefix = form.dataset['errorPrefix'] ?? 'Error: ';
  const sections = new Map(CARD_IDS.map((card) => [card, must<HTMLElement>(root, `#card-${card}`)]));
  const pageTitle = document.title;
  let kind: RequestKind = 'load';
  let wakeLock: WakeLockSentinel | null = null;

  // --- Showing the cards -------------------------------------------------------------------------------------
  function fill(values: CardValues): void {
    for (const slot of root.querySelectorAll<HTMLElement>('[data-slot]')) {
      const { slot: name, lang } = slot.dataset;
      if (isSlot(name) && isAmountLanguage(lang)) slot.textContent = slotText(name, lang, values);
    }
  }

  function show(card: CardId): void {
    root.dataset['state'] = 'card';
    root.dataset['card'] = card;
    const section = sections.get(card)!;
    section.scrollIntoView({ block: 'start' });
    section.focus({ preventScroll: true });
    void keepAwake();
  }

  function edit(): void {
    if (document.fullscreenElement) void document.exitFullscreen();
    root.dataset['state'] = 'form';
    delete root.dataset['card'];
    void wakeLock?.release();
    numberInput.focus();
  }

  // Progressive enhancements, both tiny: a full-screen card, and a screen that does not dim while shown.
  async function keepAwake(): Promise<void> {
    if (wakeLock || !('wakeLock' in navigator)) return;
    try {
      wakeLock = await navigator.wakeLock.request('screen');
      wakeLock.addEventListener('release', () => (wakeLock = null));
    } catch {
      // Not allowed here (battery saver, no user gesture): the card still works.
    }
  }
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && root.dataset['state'] === 'card') void keepAwake();
  });

  function toggleFullscreen(): void {
    if (document.fullscreenElement) void document.exitFullscreen();
    else root.requestFullscreen().catch(() => undefined);
  }
  document.addEventListener('fullscreenchange', () => {
    for (const button of root.querySelectorAll<HTMLButtonElement>('[data-action="fullscreen"]')) {
      button.textContent =
        (document.fullscreenElement ? button.dataset['labelExit'] : button.dataset['labelEnter']) ?? '';
    }
  });

  root.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
    switch (button?.dataset['action']) {
      case 'next':
        return show('after');
      case 'back':
        return show(kind);
      case 'edit':
        return edit();
      case 'fullscreen':
        return toggleFullscreen();
    }
  });

  // --- Errors, after GOV.UK's error summary -------------------------------------------------------------------
  function clearErrors(): void {
    summary.hidden = true;
    summaryList.replaceChildren();
    document.title = pageTitle;
    for (const field of form.querySelectorAll<HTMLElement>('.sk-field[data-field]')) {
      const name = field.dataset['field'];
      field.classList.remove('sk-field-error');
      must<HTMLElement>(field, '.sk-error').hidden = true;
      for (const control of field.querySelectorAll<HTMLElement>('input, fieldset'))
        control.removeAttribute('aria-invalid');
      const input = field.querySelector<HTMLInputElement>('input:not([type="radio"])');
      if (input) input.setAttribute('aria-describedby', `sk-${name}-hint`);
      if (field.matches('fieldset')) field.removeAttribute('aria-describedby');
    }
  }

  function showErrors(errors: FieldError[]): void {
    for (const error of errors) {
      const message = messages[`${error.field}.${error.code}`] ?? error.code;
      const field = must<HTMLElement>(form, `.sk-field[data-field="${error.field}"]`);
      const errorId = `sk-${error.field}-error`;
      const text = must<HTMLElement>(field, '.sk-error');
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = errorPrefix;
      text.replaceChildren(hidden, message);
      text.hidden = false;
      field.classList.add('sk-field-error');
      if (field.matches('fieldset')) {
        field.setAttribute('aria-describedby', errorId);
      } else {
        const input = must<HTMLInputElement>(field, 'input');
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', `sk-${error.field}-hint ${errorId}`);
      }
      const link = document.createElement('a');
      link.href = `#${FIELD_TARGET[error.field]}`;
      link.textContent = message;
      const item = document.createElement('li');
      item.append(link);
      summaryList.append(item);
    }
    document.title = `${errorPrefix}${pageTitle}`;
    summary.hidden = false;
    summary.scrollIntoView({ block: 'start' });
    summary.focus({ preventScroll: true });
  }

  // A link in the summary puts the cursor in its field, with the field's label in view.
  summary.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[href^="#"]');
    const target = link && document.getElementById(link.hash.slice(1));
    if (!target) return;
    event.preventDefault();
    target.closest('.sk-field')?.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });

  // --- The saved number ---------------------------------------------------------------------------------------
  function showSaved(digits: string | null): void {
    saved.hidden = digits === null;
    savedText.textContent = digits
      ? (savedText.dataset['template'] ?? '{number}').replace('{number}', formatPkMobile(digits))
      : '';
  }

  must<HTMLButtonElement>(saved, '#sk-forget').addEventListener('click', () => {
    forgetNumber();
    remember.checked = false;
    numberInput.value = '';
    showSaved(null);
    status.textContent = status.dataset['forgotten'] ?? '';
    numberInput.focus();
  });

  // --- The form -----------------------------------------------------------------------------------------------
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const result = readRequest({
      number: String(data.get('number') ?? ''),
      amount: String(data.get('amount') ?? ''),
      kind: String(data.get('kind') ?? ''),
    });
    clearErrors();
    status.textContent = '';
    if (!result.ok) return showErrors(result.errors);

    if (remember.checked && saveNumber(result.values.number)) showSaved(result.values.number);
    else if (!remember.checked) {
      forgetNumber();
      showSaved(null);
    }
    numberInput.value = formatPkMobile(result.values.number);
    kind = result.kind;
    root.dataset['kind'] = kind;
    fill(result.values);
    show(kind);
  });

  const stored = savedNumber();
  if (stored) {
    numberInput.value = formatPkMobile(stored);
    remember.checked = true;
  }
  showSaved(stored);

  // Ready: swap the blank, printable cards for the form.
  for (const actions of root.querySelectorAll<HTMLElement>('.sk-actions')) actions.hidden = false;
  for (const button of root.querySelectorAll<HTMLElement>('[data-action="fullscreen"]'))
    button.hidden = !document.fullscreenEnabled;
  form.hidden = false;
  root.dataset['state'] = 'form';
}

const root = document.getElementById('shopkeeper');
if (root) setUp(root);

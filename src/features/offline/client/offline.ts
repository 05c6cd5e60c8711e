import { isStale } from '../offline';

/**
 * The page side of the offline service worker, in every page's first view: the offline indicator, the note on an old
 * last-checked date, the offer to a reader saving data, and registration (production builds only, after `load`).
 * Once a worker is registered, ./offline-copy.ts does the rest: what is saved (the footer's "saved for offline
 * reading: N pages, <date>", the offline page's list), saving a language, and updates, which wait until the reader
 * agrees, so a reload loop cannot happen. Without service workers (old browser, private mode, blocked) nothing here
 * runs beyond the indicator and the date note, and the site works as a plain website.
 */

const status = document.querySelector<HTMLElement>('[data-sw-status]');

/** "You are offline. This is a saved copy, last checked <time>." while the connection is gone. */
function showConnection(): void {
  if (!status) return;
  if (navigator.onLine) {
    status.replaceChildren();
    return;
  }
  const checked = document.querySelector('.page-sources time[datetime]');
  const [before = '', after = ''] = (status.dataset['textChecked'] ?? '').split('{date}');
  if (checked) status.replaceChildren(before, checked.cloneNode(true), after);
  else status.textContent = status.dataset['text'] ?? '';
}

showConnection();
addEventListener('online', showConnection);
addEventListener('offline', showConnection);

/** Facts checked long before the reader's own date (a copy read months after it was saved): say so by the date. */
function markStaleDates(): void {
  const note = document.querySelector<HTMLTemplateElement>('[data-stale-template]');
  if (!note) return;
  for (const time of document.querySelectorAll<HTMLTimeElement>('.last-checked time[datetime]')) {
    if (time.nextElementSibling?.classList.contains('stale-note') || !isStale(time.dateTime, new Date())) continue;
    time.after(note.content.cloneNode(true));
  }
}

markStaleDates();

/** The reader's browser asks sites to save data (Chrome's data saver, the Save-Data header). */
export function savingData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

/**
 * A reader saving data is asked before anything of the offline copy is downloaded (OfflineOffer.astro). `accept`
 * saves; the offer then says whether it worked.
 */
export function offer(accept: () => Promise<boolean>): void {
  const box = document.querySelector<HTMLElement>('[data-sw-offer]');
  const button = box?.querySelector<HTMLButtonElement>('[data-sw-save]');
  const note = box?.querySelector<HTMLElement>('.sw-offer-status');
  if (!box || !button || !note || !box.hidden) return;
  box.hidden = false;
  button.addEventListener(
    'click',
    () => {
      button.disabled = true;
      note.textContent = note.dataset['saving'] ?? '';
      void accept().then((saved) => {
        note.textContent = saved
          ? (note.dataset['saved'] ?? '')
          : (document.querySelector<HTMLElement>('[data-sw-copy]')?.dataset['failed'] ?? '');
        button.hidden = saved;
        button.disabled = false;
      });
    },
    { once: false },
  );
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  if (document.readyState === 'complete') begin();
  else addEventListener('load', begin, { once: true });
}

function begin(): void {
  const sw = navigator.serviceWorker;
  if (sw.controller || !savingData()) void start();
  // First visit of a reader saving data: no worker until they agree.
  else
    offer(async () => {
      const copy = await start();
      return Boolean(await copy?.savedHere());
    });
}

/** Register the worker; once it is ready, show what is saved and save this page's language if it is not. */
async function start(): Promise<{ savedHere: () => Promise<boolean> } | undefined> {
  const sw = navigator.serviceWorker;
  // No worker (blocked, private mode, storage full): the site still works online, like any website.
  const registration = await sw.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch(() => undefined);
  if (!registration) return undefined;
  const controlledAtLoad = Boolean(sw.controller);
  // The rest only matters where a worker can run: a module of its own, out of every page's first view, requested as
  // soon as the worker is registered (with the page's load, not when the copy is saved).
  const { handleUpdates, watchCopy } = await import('./offline-copy');
  handleUpdates(registration, controlledAtLoad);
  await sw.ready;
  return watchCopy(registration, { offer, savingData });
}

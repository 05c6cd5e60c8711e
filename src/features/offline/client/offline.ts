import { isStale, SW_MESSAGE } from '../offline';

/**
 * The page side of the offline service worker: registration (production builds only), what is saved (the footer's
 * "saved for offline reading: N pages, <date>", the offline page's list), saving a language, the offline indicator,
 * the note on an old last-checked date, and updates. A new worker waits until the reader agrees: the "Reload" button,
 * or simply following a link on the site, activates it and loads the next page entirely from the new build. Nothing
 * ever reloads on its own, so a reload loop cannot happen. Without service workers (old browser, private mode,
 * blocked) nothing here runs beyond the indicator and the date note, and the site works as a plain website.
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
  // The rest only matters where a worker can run: a module of its own, out of every page's first view, requested as
  // soon as the worker is registered (with the page's load, not when the copy is saved).
  const copyModule = import('./offline-copy');
  handleUpdates(sw, registration);
  await sw.ready;
  const { watchCopy } = await copyModule;
  const copy = await watchCopy(registration, { offer, savingData });
  return copy;
}

function handleUpdates(sw: ServiceWorkerContainer, registration: ServiceWorkerRegistration): void {
  const controlledAtLoad = Boolean(sw.controller);
  let switching = false;

  /** Activate the waiting worker, then run `next` (reload, or open a link) once, whatever happens. */
  function applyUpdate(next: () => void): void {
    if (switching) return; // one update at a time; the first action goes on
    const waiting = registration.waiting;
    if (!waiting) return next();
    switching = true;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      next();
    };
    sw.addEventListener('controllerchange', finish, { once: true });
    waiting.postMessage({ type: SW_MESSAGE.skipWaiting });
    // Never leave the reader stuck if the worker does not take over: go on with the current one.
    setTimeout(finish, 4000);
  }

  const notice = document.querySelector<HTMLElement>('[data-sw-update]');
  const template = document.querySelector<HTMLTemplateElement>('[data-sw-update-template]');
  function offerUpdate(): void {
    if (!notice || !template || notice.childElementCount) return;
    notice.append(template.content.cloneNode(true));
    notice.querySelector('[data-sw-reload]')?.addEventListener('click', () => applyUpdate(() => location.reload()));
    notice.querySelector('[data-sw-later]')?.addEventListener('click', () => notice.replaceChildren());
  }

  // A page that was open when another tab activated the new worker is now older than its worker: offer a reload.
  sw.addEventListener('controllerchange', () => {
    if (controlledAtLoad && !switching) offerUpdate();
  });

  const watch = (worker: ServiceWorker | null) => {
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && sw.controller) offerUpdate();
    });
  };
  if (registration.waiting && sw.controller) offerUpdate();
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));

  // The next page the reader opens on this site comes entirely from the new build.
  document.addEventListener('click', (event) => {
    if (!registration.waiting || !sw.controller || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[href]');
    if (!link || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
    if (link.pathname === location.pathname && link.search === location.search) return; // same page, an anchor
    event.preventDefault();
    applyUpdate(() => location.assign(link.href));
  });

  // Put back saved files that went missing, and look for a new build when the connection returns.
  const repair = () => sw.controller?.postMessage({ type: SW_MESSAGE.repair });
  if (navigator.onLine) repair();
  addEventListener('online', () => {
    repair();
    registration.update().catch(() => undefined);
  });
}

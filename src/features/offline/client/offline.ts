import { SW_MESSAGE } from '../offline';

/**
 * The page side of the offline service worker: registration (production builds only), the offline indicator,
 * and updates. A new worker waits until the reader agrees: the "Reload" button, or simply following a link on
 * the site, activates it and loads the next page entirely from the new build. Nothing ever reloads on its own,
 * so a reload loop cannot happen. Without service workers (old browser, private mode, blocked) nothing here
 * runs beyond the indicator, and the site works as a plain website.
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

/** The reader's browser asks sites to save data (Chrome's data saver, the Save-Data header). */
function savingData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;
}

/**
 * The offline copy is about half a megabyte. A reader saving data is asked first (OfflineOffer.astro); once they
 * accepted, the worker controls the site and later visits just check for updates.
 */
function begin(): void {
  const offer = document.querySelector<HTMLElement>('[data-sw-offer]');
  if (navigator.serviceWorker.controller || !savingData()) void start();
  else if (offer) offerOfflineCopy(offer);
}

function offerOfflineCopy(offer: HTMLElement): void {
  const button = offer.querySelector<HTMLButtonElement>('[data-sw-save]');
  const note = offer.querySelector<HTMLElement>('.sw-offer-status');
  if (!button || !note) return;
  offer.hidden = false;
  button.addEventListener(
    'click',
    () => {
      button.disabled = true;
      note.textContent = note.dataset['saving'] ?? '';
      void start();
      void navigator.serviceWorker.ready.then(() => {
        note.textContent = note.dataset['saved'] ?? '';
        button.hidden = true;
      });
    },
    { once: true },
  );
}

if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  if (document.readyState === 'complete') begin();
  else addEventListener('load', begin, { once: true });
}

async function start(): Promise<void> {
  const sw = navigator.serviceWorker;
  // No worker (blocked, private mode, storage full): the site still works online, like any website.
  const registration = await sw.register('/sw.js', { scope: '/', updateViaCache: 'none' }).catch(() => undefined);
  if (registration) handleUpdates(sw, registration);
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

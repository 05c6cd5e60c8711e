import { htmlLang, isLocale, nativeName, type Locale } from '../../../core/locales';
import { formatLocalDate, formatSize, SW_MESSAGE, SW_STATUS_CHANGED, type OfflineStatus } from '../offline';

/**
 * What only matters where a service worker runs (loaded by ./offline.ts once the worker is registered, so it is not
 * part of a page's first view): the footer's "saved for offline reading: N pages, <date>" and its buttons (save the
 * rest of a large site, save another language), saving this page's language when it is not saved (or offering to,
 * for a reader saving data), on the offline page the list of saved pages; and updates (handleUpdates).
 */

const copy = document.querySelector<HTMLElement>('[data-sw-copy]');
const pageLocale = isLocale(copy?.dataset['lang']) ? (copy.dataset['lang'] as Locale) : undefined;
const onOfflinePage = document.querySelector<HTMLElement>('[data-offline-page]');

const fill = (template: string | undefined, values: Record<string, string | number>) =>
  (template ?? '').replace(/\{(\w+)\}/g, (m, key: string) => (key in values ? String(values[key]) : m));

interface Helpers {
  offer: (accept: () => Promise<boolean>) => void;
  savingData: () => boolean;
}

/** Show what is saved, keep it shown as it changes, and save this page's language if it is not saved yet. */
export async function watchCopy(registration: ServiceWorkerRegistration, { offer, savingData }: Helpers) {
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === SW_STATUS_CHANGED) void refresh(registration);
  });
  const current = await refresh(registration);
  // The worker saves the language of the page that installs it; this is a page of another language, opened later.
  if (pageLocale && current && !current[pageLocale]?.savedAt) {
    if (savingData()) offer(() => saveLanguage(registration, pageLocale));
    else void saveLanguage(registration, pageLocale);
  }
  return {
    /** This page's language is saved. */
    savedHere: async () =>
      Boolean(pageLocale && registration.active && (await askStatus(registration.active))[pageLocale]?.savedAt),
  };
}

/** What the worker has saved (its answer on a message port). */
function askStatus(worker: ServiceWorker, list = false): Promise<OfflineStatus> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<OfflineStatus>) => resolve(event.data);
    worker.postMessage({ type: SW_MESSAGE.status, list }, [channel.port2]);
  });
}

/** Ask the worker to save a language (every tier with `all`); true once it is saved. */
async function saveLanguage(registration: ServiceWorkerRegistration, lang: Locale, all = false): Promise<boolean> {
  const worker = registration.active;
  if (!worker) return false;
  const done = new Promise<void>((resolve) => {
    const listen = (event: MessageEvent<{ type?: string }>) => {
      if (event.data?.type !== SW_STATUS_CHANGED) return;
      navigator.serviceWorker.removeEventListener('message', listen);
      resolve();
    };
    navigator.serviceWorker.addEventListener('message', listen);
  });
  worker.postMessage({ type: SW_MESSAGE.save, lang, all });
  await done;
  const after = (await askStatus(worker))[lang];
  return Boolean(after?.savedAt && (!all || after.complete));
}

/** Show what is saved: the footer line and buttons, and on the offline page the saved pages. */
async function refresh(registration: ServiceWorkerRegistration): Promise<OfflineStatus | undefined> {
  const worker = registration.active;
  if (!worker || !copy || !pageLocale) return undefined;
  const current = await askStatus(worker, Boolean(onOfflinePage));
  const mine = current[pageLocale];
  const line = copy.querySelector<HTMLElement>('[data-sw-saved]');
  if (line && mine?.savedAt) {
    const date = formatLocalDate(new Date(mine.savedAt), pageLocale);
    const template = mine.saved < mine.pages ? copy.dataset['savedSome'] : copy.dataset['saved'];
    line.textContent = fill(template, { count: mine.saved, total: mine.pages, date });
  }
  const allRow = copy.querySelector<HTMLElement>('[data-sw-save-all-row]');
  const allButton = allRow?.querySelector<HTMLButtonElement>('[data-sw-save-all]');
  if (allRow && allButton) {
    allRow.hidden = !mine?.savedAt || mine.complete;
    allButton.textContent = fill(copy.dataset['saveAll'], {
      total: mine?.pages ?? 0,
      size: formatSize(mine?.restBytes ?? 0),
    });
    allButton.onclick = () => {
      allButton.disabled = true;
      void saveLanguage(registration, pageLocale, true).then((saved) => {
        allButton.disabled = false;
        if (!saved && line) line.textContent = copy.dataset['failed'] ?? '';
      });
    };
  }
  for (const row of copy.querySelectorAll<HTMLElement>('[data-sw-save-other]')) {
    const lang = row.dataset['swSaveOther'];
    if (!isLocale(lang)) continue;
    const button = row.querySelector('button')!;
    row.hidden = !current[lang] || Boolean(current[lang].savedAt);
    button.onclick = () => {
      button.disabled = true;
      void saveLanguage(registration, lang).then((saved) => {
        button.disabled = false;
        if (!saved) button.textContent = button.dataset['failed'] ?? '';
      });
    };
  }
  if (onOfflinePage) listSaved(onOfflinePage, current);
  return current;
}

/** The offline page: the saved pages of its language (or a line saying none is), then those of the other languages. */
function listSaved(page: HTMLElement, current: OfflineStatus): void {
  const target = page.querySelector<HTMLElement>('[data-offline-saved]');
  if (!target || !pageLocale) return;
  const list = (lang: Locale, pages: { path: string; title: string }[]) => {
    const ul = document.createElement('ul');
    ul.className = 'arrow-links';
    if (lang !== pageLocale) ul.lang = htmlLang(lang);
    for (const item of pages) {
      const link = document.createElement('a');
      link.href = item.path;
      link.textContent = item.title;
      const li = document.createElement('li');
      li.append(link);
      ul.append(li);
    }
    return ul;
  };
  const parts: Node[] = [];
  const mine = current[pageLocale]?.list ?? [];
  if (mine.length) parts.push(list(pageLocale, mine));
  else {
    const nothing = document.createElement('p');
    nothing.textContent = page.dataset['nothing'] ?? '';
    parts.push(nothing);
  }
  for (const [lang, other] of Object.entries(current)) {
    if (lang === pageLocale || !isLocale(lang) || !other?.list?.length) continue;
    const intro = document.createElement('p');
    const [before = '', after = ''] = (page.dataset['savedIn'] ?? '').split('{language}');
    const name = document.createElement('span');
    name.lang = htmlLang(lang);
    name.textContent = nativeName(lang);
    intro.append(before, name, after);
    parts.push(intro, list(lang, other.list));
  }
  target.replaceChildren(...parts);
}

/**
 * Updates: a new worker waits until the reader agrees ("Reload", or simply following a link on the site activates it
 * and loads the next page entirely from the new build); nothing ever reloads on its own. `controlledAtLoad`: a worker
 * controlled the page when it loaded (so a later change of worker means another tab took the update).
 */
export function handleUpdates(registration: ServiceWorkerRegistration, controlledAtLoad: boolean): void {
  const sw = navigator.serviceWorker;
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

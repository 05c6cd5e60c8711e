/**
 * Copy-link buttons beside every heading and step that links to itself (see src/features/anchors/CopyLink.astro).
 * A button copies the page URL with the item's #id and announces it in the page's live region (./announce.ts). Where the
 * clipboard is out of reach, the link goes into the address bar instead and the notice says so.
 */
import { announce } from '../../../core/client/announce';

const notice = document.querySelector<HTMLElement>('.copy-status');

// After Feather's "link" icon (MIT).
const ICON =
  '<svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71"/><path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71"/></svg>';

function fill(template: string | undefined, values: Record<string, string>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** The old way, for browsers or pages without the async clipboard (plain http). */
function copyWithSelection(text: string): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.readOnly = true;
  field.style.position = 'fixed';
  field.style.opacity = '0';
  document.body.append(field);
  field.select();
  // eslint-disable-next-line no-useless-assignment -- the explicit default reads plainly, and the shipped script stays byte-identical
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  field.remove();
  return copied;
}

async function copyLink(id: string, button: HTMLButtonElement, message: string): Promise<void> {
  const url = `${location.origin}${location.pathname}#${id}`;
  // eslint-disable-next-line no-useless-assignment -- the explicit default reads plainly, and the shipped script stays byte-identical
  let copied = false;
  try {
    await navigator.clipboard.writeText(url);
    copied = true;
  } catch {
    copied = copyWithSelection(url);
    button.focus();
  }
  if (copied) {
    button.dataset['copied'] = '';
    window.setTimeout(() => delete button.dataset['copied'], 2000);
    announce(message);
  } else {
    location.hash = id;
    button.focus();
    announce(notice?.dataset['copyFailed'] ?? '');
  }
}

if (notice) {
  const strings = notice.dataset;
  const selfLinks = document.querySelectorAll<HTMLAnchorElement>(
    'main :is(h2, h3, h4, h5, h6)[id] > a:only-child, main .steps li[id] > a:first-child',
  );
  for (const link of selfLinks) {
    const target = link.parentElement;
    if (!target || link.getAttribute('href') !== `#${target.id}`) continue;
    const isStep = target.tagName === 'LI';
    const values = { n: link.textContent?.trim() ?? '', title: target.textContent?.trim() ?? '' };
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-link';
    button.innerHTML = ICON;
    const label = isStep ? fill(strings['copyStep'], values) : fill(strings['copy'], values);
    button.setAttribute('aria-label', label);
    button.title = label;
    const message = fill(isStep ? strings['copiedStep'] : strings['copiedSection'], values);
    button.addEventListener('click', () => void copyLink(target.id, button, message));
    if (isStep) link.after(button);
    else target.append(button);
  }
}

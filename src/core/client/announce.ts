/**
 * One polite live region per page for short confirmations ("Link copied", "Copied: *829#"). Guides render it as
 * the visible `.copy-status` notice (src/features/anchors/CopyLink.astro); a page without one gets a hidden region,
 * added before anything is announced so assistive technology is already watching it.
 */
const SHOW_MS = 4000;

function region(): HTMLElement {
  const existing = document.querySelector<HTMLElement>('.copy-status');
  if (existing) return existing;
  const created = document.createElement('p');
  created.className = 'copy-status visually-hidden';
  created.setAttribute('role', 'status');
  document.body.append(created);
  return created;
}

let clearTimer: number | undefined;

export function announce(message: string): void {
  const notice = region();
  window.clearTimeout(clearTimer);
  // Empty first, so that the same message twice is read out twice.
  notice.textContent = '';
  window.setTimeout(() => {
    notice.textContent = message;
    clearTimer = window.setTimeout(() => (notice.textContent = ''), SHOW_MS);
  }, 50);
}

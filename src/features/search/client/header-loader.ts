/**
 * On every page, and deliberately tiny: the search code (ours and Pagefind's) loads only when the reader first
 * focuses the header search box, so a normal page view downloads none of it.
 */
const box = document.querySelector<HTMLElement>('[data-live-search]');
if (box) {
  const start = () => {
    box.removeEventListener('focusin', start);
    void import('./search-ui').then(({ enhance }) => enhance(box));
  };
  box.addEventListener('focusin', start);
}

/**
 * USSD codes on iPhone and iPad (src/components/UssdCode.astro): Apple's Phone app ignores `tel:` links that
 * contain `*` or `#`, so there a code must be copied and pasted into Phone. This marks iOS as `<html data-ios>`;
 * the stylesheet then shows each code as text with a large copy button and a hint instead of the dead link. iOS
 * is the iPhone/iPad user agent, iPadOS in desktop mode (a touch "Mac"), or a browser that supports
 * `-webkit-touch-callout` (only iOS WebKit does; the stylesheet uses the same test without JavaScript).
 */
const ios =
  /\b(iPhone|iPad|iPod)\b/.test(navigator.userAgent) ||
  (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1) ||
  CSS.supports('-webkit-touch-callout', 'none');

if (ios) document.documentElement.dataset['ios'] = '';

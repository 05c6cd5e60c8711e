import { chooseLocale } from '../../core/locales';
import { rememberedLocale } from './remember-locale';

/**
 * The `/` chooser (`[data-choose-locale]`, src/pages/index.astro) sends the reader to a remembered explicit choice,
 * else to their browser language. Only `/` redirects, and only to a language home, which never redirects: no loop
 * is possible; `location.replace` keeps Back working.
 */
if (document.querySelector('[data-choose-locale]')) {
  location.replace(`/${chooseLocale(rememberedLocale(), navigator.languages)}/`);
}

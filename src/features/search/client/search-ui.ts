/**
 * All of our search code, as one module (one file in the build): the header box loads it on first focus, the
 * search page at once. Being one file with no imports of its own, it is loaded without Vite's preload helper,
 * which would otherwise weigh on every page's header loader.
 */
export { enhance } from './live-search';
export { searchPage } from './search-page';

/**
 * The one script every page loads (src/components/SiteScript.astro): all the small enhancements in a single file,
 * so a page view costs one script request however many features the page has, and the file is cached for every
 * other page. Each module does nothing on a page without its elements. Bigger page-specific code stays out: the
 * live search loads on the first focus of the search box (./search/header-loader.ts), the search page and the
 * shopkeeper card have scripts of their own.
 */
import './choose-locale';
import './locale-links';
import '../../features/search/client/header-loader';
import '../../features/offline/client/offline';
import '../../features/facts/client/copy-fact';
import '../../features/anchors/client/copy-link';
import '../../features/anchors/client/anchor-aliases';

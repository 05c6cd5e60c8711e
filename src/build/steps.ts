import type { Pipeline } from './pipeline';
import { anchorHistory } from '../features/anchors/build/anchor-history';
import { anchorParity } from '../features/anchors/build/anchor-parity';
import { contentScan } from '../features/links/build/content-scan';
import { linkCheck } from '../features/links/build/link-check';
import { serviceWorker } from '../features/offline/build/service-worker';
import { searchIndex } from '../features/search/build/pagefind';
import { contentSecurityPolicy } from '../features/security/build/security';

/**
 * The site's build steps, in the order they run. The order is the contract (tests/unit/pipeline.test.ts pins it):
 *  - the Content-Security-Policy goes into every page first, so the search index and the precache see the final
 *    pages;
 *  - the search index comes before the service worker, which precaches Pagefind's files;
 *  - the checks come last, on the finished dist/: anchor ids agree between languages, shipped ids still lead
 *    somewhere, every link resolves (including to the files the transforms added).
 */
export const SITE_PIPELINE: Pipeline = {
  sources: [contentScan],
  transforms: [contentSecurityPolicy, searchIndex, serviceWorker],
  checks: [anchorParity, anchorHistory, linkCheck],
};

/** Pagefind's bundle folder in dist/, written by the search feature's build step and saved by the offline copy. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * Pagefind's marker before a file's bytes once they are decompressed: its loader reads a file with or without
 * gzip (pagefind.js `decompress`). The search feature trims result fragments behind it; the offline copy stores
 * Pagefind's files decompressed behind it.
 */
export const PAGEFIND_DECOMPRESSED = 'pagefind_dcd';

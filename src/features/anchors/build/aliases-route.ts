import type { APIRoute } from 'astro';
import { getEntry } from 'astro:content';

/**
 * Build-only: the anchor aliases of every page (the `anchorAliases` collection) as one JSON file, for the check
 * after the build that shipped ids still lead somewhere. The post-build step reads it and takes it out of dist/,
 * so it never ships.
 */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await getEntry('anchorAliases', 'anchor-aliases'))?.data ?? {}));

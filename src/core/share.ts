/**
 * The picture chat apps show for a shared link: the site name in both scripts, drawn once by
 * tests/tools/share-image.ts and committed as public/share.png. PNG, because most chat apps ignore SVG previews.
 */
export const SHARE_IMAGE = { path: '/share.png', width: 1200, height: 630, type: 'image/png' } as const;

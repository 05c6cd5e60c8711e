import { z } from 'astro/zod';
import { ANCHOR_ID } from '../../core/anchors';
import { SLUG } from '../../core/guides';

/** One page's aliases: old id → the id that replaced it. */
const pageAliases = z
  .record(
    z.string().regex(ANCHOR_ID),
    z.string({ error: 'the new id must be an anchor id' }).regex(ANCHOR_ID, 'the new id must be an anchor id'),
    {
      error: (issue) =>
        issue.code === 'invalid_key'
          ? `"${String(issue.input)}" is not an anchor id (lower-case ASCII words joined by hyphens)`
          : issue.code === 'invalid_type'
            ? 'expected a map of old id → new id'
            : undefined,
    },
  )
  .superRefine((map, ctx) => {
    for (const [from, to] of Object.entries(map)) {
      if (from === to) ctx.addIssue({ code: 'custom', path: [from], message: 'an alias must lead to a different id' });
    }
  });

/** The schema of content/data/anchor-aliases.yaml: page slug ('' for the home pages) → its aliases. */
export const aliasesSchema = z.record(
  z.string().refine((slug) => slug === '' || SLUG.test(slug)),
  pageAliases,
  {
    error: (issue) =>
      issue.code === 'invalid_key'
        ? `"${String(issue.input)}" is not a page slug (lower-case ASCII words joined by hyphens, '' for the home pages)`
        : issue.code === 'invalid_type'
          ? 'expected a map of page slug → { old id: new id }'
          : undefined,
  },
);

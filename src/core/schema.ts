import { z } from 'astro/zod';
import { ANCHOR_ID } from './anchors';

/**
 * Pieces of the content schemas (src/content.config.ts) that several data files share. Astro checks every entry
 * against its schema and fails the build naming the file, the entry and the field.
 */

/** An id in lower-case ASCII words joined by hyphens, with a message that shows one (`like "no-data"`). */
export function asciiId(
  example: string,
  message = `needs an id in lower-case ASCII words joined by hyphens, like "${example}"`,
) {
  return z.string({ error: message }).regex(ANCHOR_ID, message);
}

/**
 * A list in which no two items have the same `key` (`id` unless told), each repeat reported at its own field. It
 * is checked even when items have other problems, so every problem of the file is reported at once.
 */
export function unique<T extends z.ZodArray>(
  list: T,
  key = 'id',
  message = (value: string) => `the ${key} "${value}" is used twice`,
) {
  return list.superRefine(
    (items, ctx) => {
      const seen = new Set<string>();
      (items as unknown[]).forEach((item, i) => {
        const value = (item as Record<string, unknown> | null)?.[key];
        if (typeof value !== 'string') return;
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [i, key], message: message(value) });
        seen.add(value);
      });
    },
    { when: () => true },
  );
}

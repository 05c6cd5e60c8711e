/**
 * UI strings that show a fact (a code, an amount) name it instead of typing it: `{fact:zong-request-balance}`,
 * or `{fact:jazzcash-load-fee:dated}` for a price shown with the day it was checked. The page renders each marker
 * with <Fact>, so the value, its citation and its "check with your operator" marker come from
 * content/data/facts.yaml in both languages, exactly as in a guide. (i18next leaves single braces alone.)
 */
export type TextSegment = string | { fact: string; dated: boolean };

const MARKER = /\{fact:([a-z0-9]+(?:-[a-z0-9]+)*)(:dated)?\}/g;

/** The text cut into plain strings and facts, in order; empty strings are left out. */
export function splitFactText(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(MARKER)) {
    if (match.index > at) segments.push(text.slice(at, match.index));
    segments.push({ fact: match[1] ?? '', dated: Boolean(match[2]) });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push(text.slice(at));
  return segments;
}

/** The fact ids a text shows, once each, in order. */
export function factsInText(text: string): string[] {
  return [...new Set([...text.matchAll(MARKER)].map((m) => m[1] ?? ''))];
}

/** A `{fact…}` that is not a well-formed marker (a typo such as `{fact: x}` or `{Fact:x}`), or undefined. */
export function malformedMarker(text: string): string | undefined {
  return /\{\s*fact\b[^{}]*\}/i.exec(text.replace(MARKER, ''))?.[0];
}

/**
 * Problems with the fact markers of one UI string across languages: each language must show the same facts
 * (a Chinese sentence cannot drop the code the English one gives), and no marker may be malformed.
 */
export function factMarkerProblems(key: string, byFile: Record<string, string>): string[] {
  const problems: string[] = [];
  const sets = Object.entries(byFile).map(([file, text]) => {
    const bad = malformedMarker(text);
    if (bad)
      problems.push(`${file}: "${key}" has a malformed fact marker ${bad}; write {fact:<id>} or {fact:<id>:dated}`);
    return [file, factsInText(text).sort().join(', ')] as const;
  });
  const distinct = new Set(sets.map(([, facts]) => facts));
  if (distinct.size > 1) {
    problems.push(
      `"${key}" shows different facts per language: ${sets.map(([file, facts]) => `${file} [${facts || 'none'}]`).join(', ')}`,
    );
  }
  return problems;
}

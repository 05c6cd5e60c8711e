/**
 * The components a guide may use, with the attributes each accepts. The markdown plugin checks every JSX tag
 * in a guide against this list at build time, so a typo (`<Tipp>`, `<Tip titel="…">`) fails with file and line
 * instead of rendering something odd. Add a component here when you add it to src/components/.
 */
export interface ComponentRule {
  /** Attributes the component accepts. */
  attributes: readonly string[];
  /** Attributes that must be present. */
  required?: readonly string[];
  /** The component wraps exactly one list of this kind and nothing else. */
  contains?: 'ol' | 'ul';
}

export const GUIDE_COMPONENTS: Record<string, ComponentRule> = {
  Steps: { attributes: [], contains: 'ol' },
  Checklist: { attributes: [], contains: 'ul' },
  Tip: { attributes: ['title'] },
  Warning: { attributes: [] },
  Fact: { attributes: ['id', 'dated', 'quoted'], required: ['id'] },
  GuideLink: { attributes: ['to', 'anchor'], required: ['to'] },
  OperatorTable: { attributes: [] },
};

const LIST_EXAMPLE: Record<'ol' | 'ul', string> = {
  ol: 'an ordered list (lines starting "1. [#step-…] …")',
  ul: 'a bulleted list (lines starting "- ")',
};

/** What a list-wrapping component must contain, as a sentence for error messages. */
export function describeListRule(name: string, contains: 'ol' | 'ul'): string {
  return `<${name}> must contain exactly one ${LIST_EXAMPLE[contains].replace(/^an? /, '')}`;
}

/** Problems with one JSX tag, as sentences; empty when it is fine. */
export function checkComponentUse(name: string, attributes: readonly string[]): string[] {
  const rule = GUIDE_COMPONENTS[name];
  if (!rule) {
    return [
      `<${name}> is not a guide component; use one of: ${Object.keys(GUIDE_COMPONENTS)
        .map((c) => `<${c}>`)
        .join(', ')}.`,
    ];
  }
  const problems = attributes
    .filter((a) => !rule.attributes.includes(a))
    .map(
      (a) =>
        `<${name}> has no attribute "${a}"${rule.attributes.length ? `; it accepts: ${rule.attributes.join(', ')}` : '; it takes none'}.`,
    );
  for (const needed of rule.required ?? []) {
    if (!attributes.includes(needed)) problems.push(`<${name}> needs the attribute "${needed}".`);
  }
  return problems;
}

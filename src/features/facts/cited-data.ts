/**
 * A page numbers its sources so every fact can cite them. Facts written in the MDX (`<Fact id="…"/>`) are found
 * by reading the MDX; a component that renders facts from data (the operators table) declares what it cites
 * instead, and the page merges both into one source list.
 */
export interface CitedData {
  /** Facts the component renders; their sources join the page's list. */
  factIds: string[];
  /** Further sources it cites directly. */
  sourceIds: string[];
}

/** Names of the capitalised JSX components a guide uses (`<OperatorTable />`), once each, in order of first use. */
export function componentsIn(mdx: string): string[] {
  const withoutCode = mdx.replace(/```[\s\S]*?```|`[^`\n]*`/g, '');
  return [...new Set([...withoutCode.matchAll(/<([A-Z][A-Za-z0-9]*)\b/g)].map((m) => m[1] ?? ''))];
}

/** Everything several components cite, without repeats, in order. */
export function mergeCited(parts: readonly CitedData[]): CitedData {
  return {
    factIds: [...new Set(parts.flatMap((p) => p.factIds))],
    sourceIds: [...new Set(parts.flatMap((p) => p.sourceIds))],
  };
}

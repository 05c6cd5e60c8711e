import { externalLinkProblem } from './external-links';

/**
 * Messenger-channel and promotional links anywhere in the content: guide prose (as a link or as plain text such as
 * a Telegram channel address typed without a scheme), frontmatter, data files, UI strings. The site never sends readers to Telegram or WhatsApp
 * channels, invite links or "agents", nor carries ad or affiliate links (BRIEFING: no promotional links, ever).
 * Pure; src/integrations/content-scan.ts runs it over the files when a build starts.
 */
export interface ContentFinding {
  line: number;
  column: number;
  /** The text found: the link or address as written. */
  found: string;
  problem: string;
}

/** Messenger and invite-link addresses (Telegram's t.me, WhatsApp's wa.me, …), written with or without a scheme. */
const MESSENGER =
  /(?<![\w.@-])(?:https?:\/\/)?(?:www\.)?(?:t\.me|telegram\.(?:me|dog)|telegram\.org\/joinchat|wa\.me|wa\.link|chat\.whatsapp\.com|whatsapp\.com\/channel|api\.whatsapp\.com\/send)(?![\w.-]*[\w-])(?:\/[^\s)\]"'<>,，。）]*)?/gi;

/** Any http(s) URL, to check for ad and affiliate parameters. */
const URL_PATTERN = /https?:\/\/[^\s)\]"'<>，。）]+/gi;

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

export function scanContent(text: string): ContentFinding[] {
  const findings: ContentFinding[] = [];
  for (const m of text.matchAll(MESSENGER)) {
    const found = m[0].replace(/[.;:!?]+$/, '');
    findings.push({
      ...position(text, m.index),
      found,
      problem: 'a messenger channel or invite link; the site never sends readers there',
    });
  }
  for (const m of text.matchAll(URL_PATTERN)) {
    if (findings.some((f) => f.found === m[0] || m[0].includes(f.found))) continue;
    const problem = externalLinkProblem(m[0].replace(/[.;:!?]+$/, ''));
    if (problem?.startsWith('carries ad or affiliate'))
      findings.push({ ...position(text, m.index), found: m[0], problem: `a link that ${problem}` });
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** One line per finding: `content/guides/en/store.mdx:12:5: <the address> is a messenger …`. */
export function describeFindings(file: string, findings: readonly ContentFinding[]): string[] {
  return findings.map((f) => `${file}:${f.line}:${f.column}: ${f.found} is ${f.problem}`);
}

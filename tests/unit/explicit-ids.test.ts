import { describe, expect, it } from 'vitest';
import { mdxToJs } from 'satteri';
import { explicitIds } from '../../src/lib/markdown/explicit-ids';

const FILE = new URL('file:///content/guides/en/example.mdx');
const compile = (source: string) => mdxToJs(source, { hastPlugins: [explicitIds()], fileURL: FILE }).code;

describe('explicit ids for headings and steps', () => {
  it('turns a trailing [#id] marker into the heading id and removes the marker text', () => {
    const code = compile('## What you need [#what-you-need]\n\n## 你要准备什么 [#what-you-need-zh]\n');
    expect(code).toContain('id: "what-you-need"');
    expect(code).toContain('children: "What you need"');
    expect(code).toContain('children: "你要准备什么"');
    expect(code).not.toContain('[#');
  });

  it('reads the marker after inline markup in a heading', () => {
    expect(compile('## Pay with **JazzCash** [#pay-jazzcash]\n')).toContain('id: "pay-jazzcash"');
  });

  it('turns a [#step-…] marker into the id of its list item and removes the marker text', () => {
    const code = compile('<Steps>\n\n1. [#step-go] Go to the shop.\n2. [#step-pay] Pay.\n\n</Steps>\n');
    expect(code).toContain('id: "step-go"');
    expect(code).toContain('id: "step-pay"');
    expect(code).not.toContain('[#step');
  });

  it('fails naming the file and line when a heading has no explicit id', () => {
    expect(() => compile('text\n\n## 你需要准备什么\n')).toThrow(
      /example\.mdx:3:1: the heading "你需要准备什么" has no explicit id\. Write it as `## 你需要准备什么 \[#some-ascii-id\]`/,
    );
  });

  it('rejects a non-ASCII or badly formed id', () => {
    expect(() => compile('## Hi [#Hello_World]\n')).toThrow(/lower-case ASCII/);
  });

  it('rejects an id used twice on one page', () => {
    expect(() => compile('## A [#same]\n\n## B [#same]\n')).toThrow(/"#same" is used twice/);
  });

  it('fails when <Steps> holds anything but one ordered list', () => {
    expect(() => compile('<Steps>\nJust a paragraph.\n</Steps>\n')).toThrow(
      /example\.mdx:1:1: <Steps> must contain exactly one ordered list.*<p>/,
    );
    expect(() => compile('<Steps>\n\n- [#step-a] a\n\n</Steps>\n')).toThrow(/exactly one ordered list.*<ul>/);
    expect(() => compile('<Steps>\n\n1. [#step-a] a\n\n1. [#step-b] b\n\nText\n</Steps>\n')).toThrow(
      /exactly one ordered list/,
    );
  });

  it('fails when a step in <Steps> has no id', () => {
    expect(() => compile('<Steps>\n\n1. [#step-a] One.\n2. Two.\n\n</Steps>\n')).toThrow(
      /example\.mdx:4:1: every step in <Steps> needs an id/,
    );
  });

  it('makes each heading a link to itself', () => {
    const code = compile('## What you *need* [#what-you-need]\n');
    expect(code).toMatch(
      /id: "what-you-need",\s*children: _jsxs\(_components\.a, \{\s*href: "#what-you-need",\s*children: \[\s*"What you ",\s*_jsx\(_components\.em/,
    );
  });

  it('writes each step number as a link to its step, counting from the list start, left out of the search index', () => {
    const code = compile('<Steps>\n\n3. [#step-go] Go.\n4. [#step-pay] Pay.\n\n</Steps>\n');
    expect(code).toMatch(
      /id: "step-go",\s*children: \[\s*_jsx\(_components\.a, \{\s*href: "#step-go",\s*"data-pagefind-ignore": "",\s*children: "3"/,
    );
    expect(code).toMatch(
      /id: "step-pay",\s*children: \[\s*_jsx\(_components\.a, \{\s*href: "#step-pay",\s*"data-pagefind-ignore": "",\s*children: "4"/,
    );
  });

  it('keeps a space between a step number and its text, so text tools never read "4Pay"', () => {
    expect(compile('<Steps>\n\n1. [#step-pay] Pay.\n\n</Steps>\n')).toMatch(/children: "1"\s*\}\),\s*" Pay\."/);
    // A loose list's text sits in its own paragraph, already apart from the number.
    expect(compile('<Steps>\n\n1. [#step-go] Go.\n\n2. [#step-pay] Pay.\n\n</Steps>\n')).toMatch(/children: "Pay\."/);
  });

  it('fails when a heading holds a link or a component, since the heading is a link itself', () => {
    expect(() => compile('## See [the shop](/en/store/) [#see]\n')).toThrow(
      /example\.mdx:1:1: the heading "See the shop" contains a link/,
    );
    expect(() => compile('## Dial <Fact id="x" /> [#dial]\n')).toThrow(/contains <Fact>/);
  });

  it('requires step ids to start with step-', () => {
    expect(() => compile('<Steps>\n\n1. [#pay] Pay.\n\n</Steps>\n')).toThrow(/must start with "step-"/);
  });
});

describe('component use in guides', () => {
  it('rejects an unknown component, naming file and line', () => {
    expect(() => compile('Text\n\n<Tipp>Hi</Tipp>\n')).toThrow(/example\.mdx:3:1: <Tipp> is not a guide component/);
  });

  it('rejects an attribute a component does not accept', () => {
    expect(() => compile('<Tip titel="x">Hi</Tip>\n')).toThrow(/<Tip> has no attribute "titel"; it accepts: title/);
    expect(() => compile('<Warning kind="x">Hi</Warning>\n')).toThrow(
      /<Warning> has no attribute "kind"; it takes none/,
    );
  });

  it('accepts known components and plain HTML', () => {
    expect(() => compile('<Tip title="Good">Hi <abbr title="x">x</abbr></Tip>\n')).not.toThrow();
  });
});

describe('<Checklist>', () => {
  it('accepts exactly one bulleted list', () => {
    expect(() => compile('<Checklist>\n\n- Passport\n- Cash\n\n</Checklist>\n')).not.toThrow();
  });

  it('fails on a numbered list or extra text, naming file and line', () => {
    expect(() => compile('<Checklist>\n\n1. Passport\n\n</Checklist>\n')).toThrow(
      /example\.mdx:1:1: <Checklist> must contain exactly one bulleted list.*<ol>/,
    );
    expect(() => compile('<Checklist>\n\nBring:\n\n- Cash\n\n</Checklist>\n')).toThrow(
      /<Checklist> must contain exactly one bulleted list.*<p>, <ul>/,
    );
  });

  it('cannot be used inside a sentence', () => {
    expect(() => compile('Bring <Checklist>x</Checklist> please.\n')).toThrow(/must stand on its own lines/);
  });
});

import { describe, expect, it } from 'vitest';
import { markdownToHtml, mdxToJs } from 'satteri';
import { cjkEmphasis } from '../../src/features/emphasis/build/cjk-emphasis';
import { explicitIds } from '../../src/features/anchors/build/explicit-ids';
import { unrenderedEmphasis } from '../../src/core/html';
import { builtPages, readBuilt } from './helpers/site';

const html = (source: string) => markdownToHtml(source, { mdastPlugins: [cjkEmphasis()] }).html;

describe('CJK-friendly emphasis (micromark-extension-cjk-friendly deciding for Sätteri)', () => {
  it('closes bold after full-width punctuation followed by a Chinese character', () => {
    // Plain CommonMark (Sätteri alone) leaves the asterisks as text: the bug on /zh/wechat-alipay/.
    expect(markdownToHtml('**没有证据。**我们核实过。').html).toContain('**没有证据。**');
    expect(html('**没有证据。**我们核实过。')).toBe('<p><strong>没有证据。</strong>我们核实过。</p>\n');
    expect(html('这是**“重要”**的事。')).toBe('<p>这是<strong>“重要”</strong>的事。</p>\n');
    expect(html('标题**（加粗）**了')).toBe('<p>标题<strong>（加粗）</strong>了</p>\n');
  });

  it('leaves Latin text exactly as CommonMark reads it', () => {
    for (const source of [
      'plain **bold** and a_b_c and 2*3*4',
      'snake__case__name and **Bold:** text',
      '**Zong:** dial it',
      'a ** b ** c',
    ]) {
      expect(html(source), source).toBe(markdownToHtml(source).html);
    }
  });

  it('keeps components, links and steps inside the bold it rebuilds', () => {
    const code = mdxToJs(
      '1. [#step-a] **<Fact id="zong-check-data" />。**然后等短信。\n\n## 先看**（这里）**吧 [#here]\n',
      {
        mdastPlugins: [cjkEmphasis()],
        hastPlugins: [explicitIds()],
        jsx: true,
      },
    ).code;
    expect(code).toMatch(
      /<_components\.strong><Fact id="zong-check-data" \/>\{"。"\}<\/_components\.strong>\{"然后等短信。"\}/,
    );
    expect(code).toContain('id="here"');
    expect(code).not.toContain('**');
  });
});

describe('the build check for unrendered emphasis', () => {
  it('finds ** and __ in a page’s text, with the words that follow them', () => {
    expect(unrenderedEmphasis('<p>**我们没有证据。**我们</p>')).toEqual(['**我们没有证据。**我们', '**我们']);
    expect(unrenderedEmphasis('<p>a __b__ c</p>')).toHaveLength(2);
  });

  it('ignores code, scripts, attributes and single asterisks such as USSD codes', () => {
    expect(
      unrenderedEmphasis(
        '<p>Dial <code>*100*03XX**#</code> or *829#</p><a href="/x__y/" title="a**b">x</a><script>a**b</script>',
      ),
    ).toEqual([]);
  });

  it('passes on every built page', () => {
    for (const page of builtPages()) expect(unrenderedEmphasis(readBuilt(page)), page).toEqual([]);
  });

  it('/zh/wechat-alipay/ shows its main correction in bold', () => {
    expect(readBuilt('/zh/wechat-alipay/')).toContain(
      '<strong>我们没有找到任何证据表明微信支付或支付宝能给巴基斯坦号码充值。</strong>我们最后核实时',
    );
  });
});

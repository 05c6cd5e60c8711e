import { describe, expect, it } from 'vitest';
import { describeFindings, scanContent } from '../../src/lib/content-scan';

describe('messenger and promotional links anywhere in content (src/lib/content-scan.ts)', () => {
  it('finds messenger channels and invite links, as links or plain text, with line and column', () => {
    const text = [
      '---',
      'title: x',
      '---',
      '',
      '加群：t.me/cheap_topups，或者 https://wa.me/923001234567。',
      'Join [us](https://chat.whatsapp.com/AbCdEf) or telegram.me/deals.',
    ].join('\n');
    expect(describeFindings('content/guides/zh/x.mdx', scanContent(text))).toEqual([
      'content/guides/zh/x.mdx:5:4: t.me/cheap_topups is a messenger channel or invite link; the site never sends readers there',
      'content/guides/zh/x.mdx:5:25: https://wa.me/923001234567 is a messenger channel or invite link; the site never sends readers there',
      'content/guides/zh/x.mdx:6:11: https://chat.whatsapp.com/AbCdEf is a messenger channel or invite link; the site never sends readers there',
      'content/guides/zh/x.mdx:6:48: telegram.me/deals is a messenger channel or invite link; the site never sends readers there',
    ]);
  });

  it('finds ad and affiliate parameters on any URL, in data files too', () => {
    const yaml = 'jazz-faqs:\n  url: https://jazz.com.pk/faqs?utm_source=topup-guide\n';
    expect(describeFindings('content/data/sources.yaml', scanContent(yaml))).toEqual([
      'content/data/sources.yaml:2:8: https://jazz.com.pk/faqs?utm_source=topup-guide is a link that carries ad or affiliate parameters (utm_source); link to the page itself',
    ]);
  });

  it('lets honest text through: WhatsApp and Telegram named as apps, a WhatsApp number, e-mail-like and look-alike words', () => {
    const text =
      'Jazz\'s own WhatsApp self-service number is <Fact id="jazz-whatsapp-number" />. Telegram is an app. See https://jazz.com.pk/recharge/ and https://zong.com.pk/?page=2. at.me/x is not a host we know; neither is help@wa.me.example';
    expect(scanContent(text)).toEqual([]);
  });
});

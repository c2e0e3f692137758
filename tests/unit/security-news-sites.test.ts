import { describe, expect, it } from 'vitest';
import { NEWS_MATCHES, PRIVATE_HOSTS, PRIVATE_MATCHES, isPrivateHost } from '@/lib/news-sites';

/** A match pattern of the two shapes news-sites.ts writes (`*://host/*`, `*://*.host/*`) against a URL. */
function matches(pattern: string, url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') return false;
  const host = pattern.slice('*://'.length, -'/*'.length);
  return host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host;
}
const covered = (url: string) => NEWS_MATCHES.some((pattern) => matches(pattern, url));

describe('where the lens may run out of the box', () => {
  it.each(['https://mail.163.com/js6/main.jsp?sid=SESSION', 'https://mail.qq.com/cgi-bin/frame_html?sid=abc', 'https://wx.qq.com/', 'https://mail.sina.com.cn/', 'https://mail.sohu.com/fe/', 'https://email.163.com/', 'https://weibo.sina.com.cn/', 'https://i.qq.com/'])(
    'not on the portals\' mail, chat and account hosts: %s',
    (url) => expect(covered(url)).toBe(false),
  );

  it.each(['https://finance.sina.com.cn/stock/usstock/2026-01-09/doc.shtml', 'https://www.163.com/money/article/ABC.html', 'https://news.qq.com/rain/a/20260109A01', 'https://www.sohu.com/a/123_456', 'https://www.reuters.com/technology/x', 'https://asia.nikkei.com/x'])(
    'still on their news hosts and the other news sites: %s',
    (url) => expect(covered(url)).toBe(true),
  );

  it('no wildcard over a portal', () => {
    for (const portal of ['163.com', 'qq.com', 'sina.com.cn', 'sohu.com']) {
      expect(NEWS_MATCHES).not.toContain(`*://*.${portal}/*`);
      expect(NEWS_MATCHES).not.toContain(`*://${portal}/*`);
    }
  });

  it('mail and chat hosts are private, whatever else is on', () => {
    expect(isPrivateHost('https://mail.qq.com/cgi-bin/x?sid=1')).toBe(true);
    expect(isPrivateHost('https://mail.google.com/mail/u/0/#inbox')).toBe(true);
    expect(isPrivateHost('https://www.reuters.com/x')).toBe(false);
    for (const host of PRIVATE_HOSTS) expect(PRIVATE_MATCHES.some((pattern) => matches(pattern, `https://${host}/`))).toBe(true);
  });
});

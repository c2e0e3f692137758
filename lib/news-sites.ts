/**
 * Where Thesis Lens runs out of the box: wire services, business press, finance portals,
 * tech press and Chinese financial media. These are the gate's content-script matches and
 * the extension's only required host permissions; everything else is opt-in (the optional
 * all-sites permission, or activeTab for one page on demand).
 */
export const NEWS_HOSTS = [
  // Wire services
  'reuters.com', 'apnews.com', 'bloomberg.com', 'afp.com',
  // Business press
  'ft.com', 'wsj.com', 'economist.com', 'barrons.com', 'cnbc.com', 'marketwatch.com', 'forbes.com',
  'businessinsider.com', 'fortune.com', 'nytimes.com', 'theguardian.com', 'bbc.com', 'bbc.co.uk', 'cnn.com',
  'scmp.com', 'nikkei.com', 'theinformation.com', 'axios.com', 'semafor.com', 'politico.com',
  // Finance portals and investor sites
  'finance.yahoo.com', 'seekingalpha.com', 'fool.com', 'investing.com', 'morningstar.com', 'ainvest.com',
  'benzinga.com', 'zacks.com', 'investors.com', 'thestreet.com', 'tipranks.com', 'nasdaq.com',
  // Tech press
  'theverge.com', 'techcrunch.com', 'arstechnica.com', 'wired.com', 'tomshardware.com', 'theregister.com',
  'digitimes.com', 'technode.com', 'restofworld.org', 'siliconangle.com',
  // Chinese financial media
  'caixin.com', 'caixinglobal.com', 'yicai.com', 'cls.cn', 'stcn.com', 'eastmoney.com', '21jingji.com',
  'jiemian.com', 'thepaper.cn',
  '36kr.com', 'huxiu.com', 'wallstreetcn.com', 'caijing.com.cn', 'chinadaily.com.cn', 'globaltimes.cn',
  'sixthtone.com', 'yicaiglobal.com',
] as const;

/**
 * The Chinese web portals also host their users' mail, chat, blogs and accounts
 * (mail.163.com, mail.qq.com, wx.qq.com, mail.sina.com.cn, mail.sohu.com…): only their news
 * and finance hosts are named, each exactly, never `*.` the portal.
 */
export const NEWS_PORTAL_HOSTS = [
  'finance.sina.com.cn', 'tech.sina.com.cn', 'news.sina.com.cn', 'www.sina.com.cn',
  'money.163.com', 'tech.163.com', 'news.163.com', 'www.163.com',
  'news.qq.com', 'new.qq.com', 'finance.qq.com', 'tech.qq.com',
  'www.sohu.com', 'business.sohu.com', 'news.sohu.com', 'it.sohu.com',
] as const;

/**
 * Hosts where the lens never runs, even with "all sites" on: mail, chat and account pages
 * hold the reader's private correspondence, and their URLs carry session ids.
 */
export const PRIVATE_HOSTS = [
  'mail.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'mail.yahoo.com', 'mail.proton.me',
  'mail.qq.com', 'wx.qq.com', 'web.wechat.com', 'mail.163.com', 'mail.126.com', 'mail.yeah.net', 'mail.sina.com.cn', 'mail.sohu.com', 'mail.aliyun.com',
  'web.whatsapp.com', 'web.telegram.org', 'app.slack.com', 'discord.com', 'www.messenger.com', 'teams.microsoft.com', 'teams.live.com',
] as const;

/** Match patterns for a host and its subdomains, over http and https. */
export function matchPatternsFor(hosts: readonly string[]): string[] {
  return [...new Set(hosts)].flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);
}

/** Match patterns for exactly these hosts (no subdomains), over http and https. */
export function exactMatchPatternsFor(hosts: readonly string[]): string[] {
  return [...new Set(hosts)].map((host) => `*://${host}/*`);
}

export const NEWS_MATCHES = [...matchPatternsFor(NEWS_HOSTS), ...exactMatchPatternsFor(NEWS_PORTAL_HOSTS)];

/** Never matched, whatever else matches (see PRIVATE_HOSTS). */
export const PRIVATE_MATCHES = matchPatternsFor(PRIVATE_HOSTS);

/** True for a URL on a mail, chat or account host (or a subdomain of one). */
export function isPrivateHost(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return PRIVATE_HOSTS.some((privateHost) => host === privateHost || host.endsWith(`.${privateHost}`));
}

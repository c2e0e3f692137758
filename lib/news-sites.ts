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
  'jiemian.com', 'thepaper.cn', 'sina.com.cn', '163.com', 'qq.com', 'sohu.com',
  '36kr.com', 'huxiu.com', 'wallstreetcn.com', 'caijing.com.cn', 'chinadaily.com.cn', 'globaltimes.cn',
  'sixthtone.com', 'yicaiglobal.com',
] as const;

/** Match patterns for a host and its subdomains, over http and https. */
export function matchPatternsFor(hosts: readonly string[]): string[] {
  return [...new Set(hosts)].flatMap((host) => [`*://${host}/*`, `*://*.${host}/*`]);
}

export const NEWS_MATCHES = matchPatternsFor(NEWS_HOSTS);

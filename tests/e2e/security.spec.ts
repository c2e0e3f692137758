import type { Page, Worker } from '@playwright/test';
import { test, expect, servePage, serviceWorkerOf } from './extension';
import { NEWS_URL, demoHtml } from '../fixtures/e2e/lens-pages';

/**
 * Issue 9, part 2 and 3, in Chromium with the built extension: what a content script (a
 * compromised renderer) can ask the background for, and where the extension may run at all.
 * The "attacker" is code run in the extension's own isolated world of a news page
 * (`chrome.scripting.executeScript({ world: 'ISOLATED' })` from the worker): exactly the
 * sender a content script is, with that page's tab and URL.
 */

const OTHER_SITE_URL = 'https://www.ft.com/content/alibaba-cloud-capex';

type Reply = { ok: boolean; data?: unknown; error?: string };

async function tabIdOf(worker: Worker, urlPrefix: string): Promise<number> {
  let id: number | null = null;
  await expect
    .poll(async () => {
      id = await worker.evaluate(async (prefix) => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(prefix))?.id ?? null, urlPrefix);
      return id;
    })
    .not.toBeNull();
  return id!;
}

/** Sends messages to the background from our isolated world in a tab, as a content script would. */
async function sendFromContentScript(worker: Worker, tabId: number, messages: Array<{ type: string; payload: unknown }>): Promise<Reply[]> {
  return worker.evaluate(
    async ([id, list]) => {
      const [result] = await chrome.scripting.executeScript({
        target: { tabId: id },
        world: 'ISOLATED',
        func: async (toSend: Array<{ type: string; payload: unknown }>) => Promise.all(toSend.map((message) => chrome.runtime.sendMessage(message))),
        args: [list],
      });
      return result!.result as Reply[];
    },
    [tabId, messages] as const,
  );
}

/** As the library does (an extension page). */
async function ask(page: Page, type: string, payload: unknown): Promise<Reply> {
  return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ type: t, payload: p }), [type, payload] as const) as Promise<Reply>;
}

function draftOn(url: string, note: string) {
  const quote = `Alibaba Cloud capex note ${note}`;
  return {
    draft: {
      quote,
      note,
      selectors: [
        { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
        { type: 'TextPositionSelector', start: 0, end: quote.length },
      ],
      page: { url, canonicalUrl: url, title: 'Elsewhere', site: 'FT', published: null },
    },
  };
}

test('a content script cannot read the library, delete, reach other tabs or pause sites; it speaks for its own page only', async ({ context, page, extensionId }) => {
  const worker = await serviceWorkerOf(context);
  const library = await context.newPage();
  await library.goto(`chrome-extension://${extensionId}/library.html`);
  const saved = await ask(library, 'clippings/save', draftOn(OTHER_SITE_URL, 'my private note on another site'));
  expect(saved.ok).toBe(true);
  const otherId = (saved.data as { clipping: { id: string } }).clipping.id;

  // The attacker's page: a news URL with a canonical link to the other site's article.
  const attackerHtml = demoHtml().replace('</head>', `<link rel="canonical" href="${OTHER_SITE_URL}"></head>`);
  await servePage(context, NEWS_URL, attackerHtml);
  await page.goto(NEWS_URL);
  const tabId = await tabIdOf(worker, NEWS_URL);
  const libraryTabId = await tabIdOf(worker, `chrome-extension://${extensionId}/library.html`);

  const replies = await sendFromContentScript(worker, tabId, [
    { type: 'clippings/list', payload: {} },
    { type: 'clippings/delete', payload: { id: otherId } },
    { type: 'lens/annotate-tab', payload: { tabId: libraryTabId } },
    { type: 'lens/tab-state', payload: { tabId: libraryTabId } },
    { type: 'lens/set-paused', payload: { host: 'ft.com', paused: true } },
    { type: 'checklist/overview', payload: {} },
    { type: '__proto__', payload: {} },
    { type: 'constructor', payload: {} },
    { type: 'clippings/for-page', payload: { url: OTHER_SITE_URL, canonicalUrl: OTHER_SITE_URL } },
  ]);
  const [list, del, annotate, tabState, pause, overview, proto, ctor, forPage] = replies;
  for (const [type, reply] of [['clippings/list', list], ['clippings/delete', del], ['lens/annotate-tab', annotate], ['lens/tab-state', tabState], ['lens/set-paused', pause], ['checklist/overview', overview]] as const) {
    expect(reply, type).toEqual({ ok: false, error: `rejected: ${type} is not accepted from a web page` });
  }
  expect(proto).toEqual({ ok: false, error: 'unknown message type "__proto__"' });
  expect(ctor).toEqual({ ok: false, error: 'unknown message type "constructor"' });
  // Its own page's clippings only: the other site's stay hidden whatever the payload or the canonical link says.
  expect(forPage).toEqual({ ok: true, data: { clippings: [] } });

  // Nothing changed: the clipping is there, the site is not paused.
  expect(await ask(library, 'clippings/count', {})).toEqual({ ok: true, data: { count: 1 } });
  expect(await ask(library, 'lens/is-paused', { host: 'www.ft.com' })).toEqual({ ok: true, data: { paused: false } });
  // And the extension's own pages still may.
  expect((await ask(library, 'clippings/list', {})).ok).toBe(true);
});

test('the tab report is the sender\'s tab and address, stored without its query', async ({ context, page }) => {
  const worker = await serviceWorkerOf(context);
  const url = `${NEWS_URL}?sessionid=SECRET123&utm_source=mail`;
  await servePage(context, `${NEWS_URL}?**`, demoHtml());
  await page.goto(url);
  const tabId = await tabIdOf(worker, NEWS_URL);
  const reportOf = () => worker.evaluate(async (id) => (await chrome.storage.session.get(`lens-report:${id}`))[`lens-report:${id}`] ?? null, tabId) as Promise<{ url: string } | null>;
  // The lens painted and reported (an explicit signal, not a sleep).
  await expect.poll(reportOf, { timeout: 20_000 }).not.toBeNull();
  expect((await reportOf())!.url).toBe(NEWS_URL);

  // A forged report naming another address is stored under the sender's address.
  const [forged] = await sendFromContentScript(worker, tabId, [{ type: 'lens/report', payload: { url: 'https://www.ft.com/forged', relevant: true, topics: [], claims: 99, theses: [] } }]);
  expect(forged).toEqual({ ok: true, data: {} });
  expect(await reportOf()).toMatchObject({ url: NEWS_URL, claims: 99 });
});

test('mail hosts of the Chinese portals are outside the extension\'s reach', async ({ context, page }) => {
  const worker = await serviceWorkerOf(context);
  const mailUrl = 'https://mail.163.com/js6/main.jsp?sid=SESSIONID&df=mail163_letter';
  await servePage(context, 'https://mail.163.com/**', demoHtml());
  await page.goto(mailUrl);
  await page.bringToFront(); // the welcome page opened on install may hold the focus
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  // The browser's own verdict: no permission for the host, so no content script can run there.
  expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['https://mail.163.com/*'] }))).toBe(false);
  const injected = await worker.evaluate(
    async (id) =>
      chrome.scripting
        .executeScript({ target: { tabId: id }, func: () => location.href })
        .then(() => 'injected')
        .catch((error: Error) => error.message),
    tabId,
  );
  expect(injected).toMatch(/Cannot access contents of the page|permission/i);
  // The tab's address is not even visible to the extension.
  expect(await worker.evaluate(async (id) => (await chrome.tabs.get(id)).url ?? null, tabId)).toBeNull();
  // A news host of the same portal is.
  expect(await worker.evaluate(() => chrome.permissions.contains({ origins: ['https://money.163.com/*'] }))).toBe(true);
});

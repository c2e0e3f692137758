import type { Page } from '@playwright/test';
import { test, expect, servePage, serviceWorkerOf } from './extension';
import { NEWS_URL, demoHtml } from '../fixtures/e2e/lens-pages';
import { highlightNames, lensFrame, lensFrameNow, openPanel, settled } from './lens-ui';

/**
 * Issue 9, part 1: what a page script can try against the in-page UI, each as the page
 * itself (a <script> in the served page, or page.evaluate, which runs in the page's world).
 * The reader's data in these tests: a status update with a private note, made through the
 * panel like a reader would.
 */

const PRIVATE_NOTE = 'Private: my broker says the cloud unit is for sale';
const ITEM = 'cloud-revenue-growth';

async function storedUserEntries(page: Page): Promise<number> {
  const worker = await serviceWorkerOf(page.context());
  return worker.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)).split('"origin":"user"').length - 1);
}

async function addPrivateStatus(page: Page) {
  const panel = await openPanel(page);
  const item = panel.locator(`.tl-item[data-item-id="${ITEM}"]`).first();
  await item.getByRole('button', { name: /Update status/ }).click();
  const dialog = (await lensFrame(page)).locator('[role="dialog"]');
  await dialog.getByRole('radio', { name: /At risk/ }).check();
  // Dated today (the form starts at the article's date, older than the pack's latest entry).
  await dialog.getByLabel('Date', { exact: true }).fill(new Date().toISOString().slice(0, 10));
  await dialog.getByLabel('Note').fill(PRIVATE_NOTE);
  await dialog.getByRole('button', { name: 'Save status' }).click();
  await expect(dialog.getByRole('status')).toContainText('Saved: At risk');
  await dialog.getByRole('button', { name: /Close|Cancel|Done/ }).first().click();
  await expect(item.locator('.tl-item__head .tl-status__word')).toHaveText('At risk', { timeout: 10_000 });
  await expect(item.locator('.tl-item__note')).toHaveText(PRIVATE_NOTE);
}

/** Everything a page script can read of the document, shadow roots and frames included where it can reach them. */
function whatThePageCanRead(page: Page) {
  return page.evaluate(() => {
    const texts: string[] = [document.documentElement.outerHTML, document.body.innerText];
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) texts.push(element.shadowRoot.innerHTML);
      if (element instanceof HTMLIFrameElement) {
        try {
          texts.push(element.contentDocument?.documentElement.outerHTML ?? '');
        } catch {
          // another origin
        }
      }
    }
    for (let i = 0; i < window.frames.length; i++) {
      try {
        texts.push(window.frames[i]!.document.documentElement.outerHTML);
      } catch {
        texts.push('(cross-origin frame)');
      }
    }
    const find = (word: string) => {
      const found = (window as unknown as { find: (s: string) => boolean }).find(word);
      getSelection()?.removeAllRanges();
      return found;
    };
    return {
      text: texts.join('\n'),
      findsNote: find('broker says the cloud'),
      findsStatus: find('At risk'),
      findsTitle: find('Alibaba Cloud revenue growth'),
      highlightNames: [...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys()],
    };
  });
}

test('a page script reading statuses and notes finds nothing of the reader’s checklist (held)', async ({ page, context }) => {
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  await addPrivateStatus(page);
  const seen = await whatThePageCanRead(page);
  expect(seen.text).not.toContain(PRIVATE_NOTE);
  expect(seen.text).not.toContain('At risk');
  expect(seen.text).not.toMatch(/Confirmed|On track|Pending|Broken/);
  expect(seen.findsNote).toBe(false);
  expect(seen.findsStatus).toBe(false);
  // Highlight names say the sentence's stance (from the article), never an item's status.
  for (const name of seen.highlightNames) expect(name).toMatch(/^thesis-lens-(supports|challenges|neutral)(-hedged)?$|^thesis-lens-(flash|active)$/);
  // The panel itself does show them to the reader.
  const frame = await lensFrame(page);
  await expect(frame.locator(`.tl-item[data-item-id="${ITEM}"] .tl-item__note`).first()).toHaveText(PRIVATE_NOTE);
});

test('a page script clicking "Update status" and "Save" writes nothing (held)', async ({ page, context }) => {
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  await openPanel(page);
  const before = await storedUserEntries(page);
  const clicked = await page.evaluate(() => {
    let clicks = 0;
    const press = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('button, [role="button"], summary')) {
        if (/Update status|Save|Broken/.test(element.textContent ?? '')) {
          (element as HTMLElement).click();
          clicks += 1;
        }
      }
      for (const element of root.querySelectorAll('*')) if (element.shadowRoot) press(element.shadowRoot);
    };
    press(document);
    // Synthetic clicks at every point of the panel's area, and keys at the document.
    for (let y = 10; y < innerHeight; y += 40) {
      for (let x = innerWidth - 400; x < innerWidth; x += 40) {
        const target = document.elementFromPoint(x, y);
        target?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
        clicks += 1;
      }
    }
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    return clicks;
  });
  expect(clicked).toBeGreaterThan(0);
  // Every listener of ours refuses an untrusted event synchronously, inside dispatchEvent, and
  // the panel's frame is another origin the events cannot enter: once the page's queued tasks
  // and frames have run, and the frame's, nothing more can come of them.
  await settled(page);
  await settled(await lensFrame(page));
  expect(await storedUserEntries(page)).toBe(before);
  const frame = await lensFrame(page);
  await expect(frame.locator('[role="dialog"]')).toHaveCount(0);
});

test('a page that pre-defines <thesis-lens-sidebar> still gets the panel (held)', async ({ page, context }) => {
  const trap = `<script>
    window.__trapped = 0;
    customElements.define('thesis-lens-sidebar', class extends HTMLElement {
      constructor() { super(); window.__trapped++; try { this.attachShadow({ mode: 'open' }); } catch {} }
      connectedCallback() { this.remove(); }
    });
  </script>`;
  await servePage(context, NEWS_URL, demoHtml().replace('</head>', `${trap}</head>`));
  await page.goto(NEWS_URL);
  const panel = await openPanel(page);
  await expect(panel.locator('.tl-item').first()).toBeVisible();
  expect(await page.evaluate(() => document.querySelectorAll('thesis-lens-sidebar').length)).toBe(0);
});

test('a page that removes the panel gets it back, and "Show sidebar" says so when it cannot (held)', async ({ page, context, extensionId }) => {
  await servePage(context, NEWS_URL, demoHtml());
  await page.goto(NEWS_URL);
  await openPanel(page);
  // Removed once: it comes back.
  await page.evaluate(() => document.querySelector('thesis-lens-sidebar')?.remove());
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('thesis-lens-sidebar').length)).toBe(1);
  await lensFrame(page);
  // Removed every time it appears: the lens gives up, and Show sidebar reports the failure.
  await page.evaluate(() => {
    new MutationObserver(() => document.querySelector('thesis-lens-sidebar')?.remove()).observe(document.documentElement, { childList: true });
    document.querySelector('thesis-lens-sidebar')?.remove();
  });
  // The lens gave up: a blocked lens hands the page its own margin back (it is set while the panel is there).
  await expect.poll(() => page.evaluate(() => document.documentElement.style.getPropertyValue('margin-right'))).toBe('');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]!.id!, NEWS_URL);
  const reply = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'lens/show-sidebar', payload: { tabId: id } }), tabId);
  expect(reply).toEqual({ ok: false, error: expect.stringContaining('cannot be shown') });
});

test('replaying WXT’s "content script started" event does not switch the lens off (held)', async ({ page, context, extensionId }) => {
  // The page listens for the announcement a WXT script makes with postMessage, and also builds the name from the extension id.
  const spy = `<script>
    window.__announced = [];
    addEventListener('message', (event) => { if (typeof event.data?.type === 'string' && event.data.type.includes('content-script-started')) window.__announced.push(event.data); });
  </script>`;
  await servePage(context, NEWS_URL, demoHtml().replace('</head>', `${spy}</head>`));
  await page.goto(NEWS_URL);
  const panel = await openPanel(page);
  await expect(panel.locator('.tl-item').first()).toBeVisible();
  const announced = await page.evaluate(() => (window as unknown as { __announced: Array<{ contentScriptName: string }> }).__announced.map((m) => m.contentScriptName));
  expect(announced).not.toContain('lens');
  await page.evaluate((id) => {
    for (const type of [`${id}:lens:wxt:content-script-started`, `${id}:lens.content:wxt:content-script-started`]) {
      const detail = { contentScriptName: 'lens', messageId: 'attacker' };
      document.dispatchEvent(new CustomEvent(type, { detail }));
      window.postMessage({ type, contentScriptName: 'lens', messageId: 'attacker' }, '*');
    }
  }, extensionId);
  // The events were dispatched synchronously; the posted messages have reached the page's own
  // listener (and so every window listener), and what those listeners queued has run.
  await page.waitForFunction(() => (window as unknown as { __announced: Array<{ messageId?: string }> }).__announced.filter((m) => m.messageId === 'attacker').length === 2);
  await settled(page);
  expect(lensFrameNow(page)).not.toBeNull();
  await expect(panel.locator('.tl-item').first()).toBeVisible();
  // Still alive: a soft navigation's rescan and the highlights are still there.
  expect(Object.keys(await highlightNames(page)).length).toBeGreaterThan(0);
});

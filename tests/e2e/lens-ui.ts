import type { Frame, Page } from '@playwright/test';
import { serviceWorkerOf } from './extension';

/**
 * The lens's panel lives in an extension page in an iframe, inside a closed shadow root:
 * page scripts cannot reach it, and neither can selectors that start from the page. Tests
 * reach it as the browser does, as a frame of the page (Playwright lists every frame).
 */
export const FRAME_MARK = '/lens-frame.html';

export function lensFrameNow(page: Page): Frame | null {
  return page.frames().find((frame) => frame.url().includes(FRAME_MARK) && !frame.isDetached()) ?? null;
}

/** The lens's frame once it is there (and has drawn something): waits on the frame's own events. */
export async function lensFrame(page: Page, timeout = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  const left = () => Math.max(1, deadline - Date.now());
  for (;;) {
    const frame = lensFrameNow(page);
    if (!frame) {
      // Registered in the same tick as the look above: no navigation can slip between them.
      await page.waitForEvent('framenavigated', { predicate: (f) => f.url().includes(FRAME_MARK), timeout: left() }).catch(() => {
        throw new Error('the lens frame did not appear');
      });
      continue;
    }
    try {
      await frame.locator('.tl-panel, .tl-rail').first().waitFor({ state: 'attached', timeout: left() });
      return frame;
    } catch (error) {
      // The page replaced the frame (reload, the host put back): look for the new one.
      if (!frame.isDetached() || Date.now() >= deadline) throw new Error('the lens frame did not appear', { cause: error });
    }
  }
}

/** The open panel (opens it from the rail when it is closed). */
export async function openPanel(page: Page, timeout = 20_000) {
  const frame = await lensFrame(page, timeout);
  if ((await frame.locator('.tl-panel').count()) === 0) await frame.locator('.tl-rail__open').click();
  const panel = frame.locator('[role="complementary"]');
  await panel.waitFor({ timeout });
  return panel;
}

/** Highlight names and sizes in `CSS.highlights` (what a page script can see too). */
export function highlightNames(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.forEach((highlight, name) => {
      out[name] = highlight.size;
    });
    return out;
  });
}

/** The claims painted in the page (status highlights; not the flash or the active claim). */
export function paintedClaims(page: Page): Promise<number> {
  return highlightNames(page).then((sizes) =>
    Object.entries(sizes)
      .filter(([name]) => name.startsWith('thesis-lens-') && !['thesis-lens-flash', 'thesis-lens-active', 'thesis-lens-clipping'].includes(name))
      .reduce((sum, [, size]) => sum + size, 0),
  );
}

/**
 * "Nothing more will happen from what already ran": a macrotask queued now runs after every
 * timer the extension's listeners queued before it (same event loop), then two animation
 * frames let whatever that drew reach the screen. For a negative assertion after something
 * the extension handles synchronously (an untrusted event it refuses), and before a screenshot.
 */
export async function settled(target: Page | Frame): Promise<void> {
  await target.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), 0);
      }),
  );
}

/** The tab that shows `url`, as the background sees it. */
export async function tabIdOf(page: Page, url = page.url()): Promise<number> {
  const worker = await serviceWorkerOf(page.context());
  const id = await worker.evaluate(async (target) => (await chrome.tabs.query({})).find((tab) => tab.url === target)?.id ?? null, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * The gate's final decision on the page (the signal gate.content.ts leaves in the extension's
 * isolated world, where page scripts cannot see or forge it), or null before it decided.
 */
export async function gateDecision(page: Page, url = page.url()): Promise<{ url: string; relevant: boolean; injected?: boolean } | null> {
  const worker = await serviceWorkerOf(page.context());
  const tabId = await tabIdOf(page, url);
  return worker.evaluate(async (id) => {
    const [frame] = await chrome.scripting.executeScript({ target: { tabId: id }, world: 'ISOLATED', func: () => (globalThis as { __thesisLensGate?: unknown }).__thesisLensGate ?? null });
    return (frame?.result ?? null) as { url: string; relevant: boolean; injected?: boolean } | null;
  }, tabId);
}

/** A value the background stored in `storage.local` (read through the service worker). */
export async function storedLocal<T = unknown>(page: Page, key: string): Promise<T | undefined> {
  const worker = await serviceWorkerOf(page.context());
  return worker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as Promise<T | undefined>;
}

/** The page has stopped scrolling (a smooth scroll the lens started has arrived): the same position over three frames. */
export async function scrollSettled(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = -1;
        let same = 0;
        const look = () => {
          same = scrollY === last ? same + 1 : 0;
          last = scrollY;
          if (same >= 3) resolve();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
  );
}

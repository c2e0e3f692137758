import type { Frame, Page } from '@playwright/test';

/**
 * The lens's panel lives in an extension page in an iframe, inside a closed shadow root:
 * page scripts cannot reach it, and neither can selectors that start from the page. Tests
 * reach it as the browser does, as a frame of the page (Playwright lists every frame).
 */
export const FRAME_MARK = '/lens-frame.html';

export function lensFrameNow(page: Page): Frame | null {
  return page.frames().find((frame) => frame.url().includes(FRAME_MARK) && !frame.isDetached()) ?? null;
}

/** The lens's frame once it is there (and has drawn something). */
export async function lensFrame(page: Page, timeout = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = lensFrameNow(page);
    if (frame && (await frame.locator('.tl-panel, .tl-rail').count().catch(() => 0)) > 0) return frame;
    if (Date.now() > deadline) throw new Error('the lens frame did not appear');
    await page.waitForTimeout(100);
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

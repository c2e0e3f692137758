import type { CDPSession, Page } from '@playwright/test';

/**
 * Our in-page UI lives in closed shadow roots, which page scripts (and Playwright's locators)
 * cannot enter. A test may: through the DevTools protocol (DOM.getDocument with `pierce`), it
 * finds the root and hands it to the test's own page world under a name. Clicks and keys
 * still go through the real mouse and keyboard (trusted input), as a reader's would.
 */

type Node = { nodeName: string; backendNodeId: number; children?: Node[]; shadowRoots?: Node[]; contentDocument?: Node };

function findHost(node: Node, tag: string): Node | null {
  if (node.nodeName === tag.toUpperCase() && node.shadowRoots?.length) return node;
  for (const child of node.children ?? []) {
    const found = findHost(child, tag);
    if (found) return found;
  }
  return null;
}

export class ClosedRoot {
  private cdp: CDPSession | null = null;
  private readonly name: string;

  constructor(
    private readonly page: Page,
    private readonly hostTag: string,
  ) {
    this.name = `__testRoot_${hostTag.replace(/\W/g, '_')}`;
  }

  /** Hands the current root to the page world, when the host is there. */
  private async expose(): Promise<boolean> {
    const fresh = await this.page.evaluate((name) => {
      const root = (window as unknown as Record<string, ShadowRoot | undefined>)[name];
      return !!root && root.host.isConnected;
    }, this.name);
    if (fresh) return true;
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    const { root } = (await this.cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const host = findHost(root, this.hostTag);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return false;
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await this.cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: 'function (name) { window[name] = this; }',
      arguments: [{ value: this.name }],
    });
    return true;
  }

  /** Runs `fn(root, arg)` in the page world; null when the host is not there (yet). */
  async run<T, A = undefined>(fn: (root: ShadowRoot, arg: A) => T, arg?: A): Promise<T | null> {
    if (!(await this.expose())) return null;
    return this.page.evaluate(
      ({ name, source, value }) => {
        const root = (window as unknown as Record<string, ShadowRoot>)[name]!;
        return new Function('root', 'arg', `return (${source})(root, arg);`)(root, value) as T;
      },
      { name: this.name, source: fn.toString(), value: arg as A },
    );
  }

  /** Text of the first element matching `selector` in the root, or null. */
  text(selector: string): Promise<string | null> {
    return this.run((root, sel) => root.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? null, selector).then((v) => v ?? null);
  }

  count(selector: string): Promise<number> {
    return this.run((root, sel) => root.querySelectorAll(sel).length, selector).then((v) => v ?? 0);
  }

  /** The element's box in the viewport, or null when absent or not rendered. */
  box(selector: string): Promise<{ x: number; y: number; width: number; height: number } | null> {
    return this.run((root, sel) => {
      const element = root.querySelector(sel);
      if (!element) return null;
      const r = element.getBoundingClientRect();
      return r.width || r.height ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
    }, selector).then((v) => v ?? null);
  }

  /** A real mouse click in the middle of the element. */
  async click(selector: string): Promise<void> {
    const box = await this.box(selector);
    if (!box) throw new Error(`nothing to click at ${selector} in <${this.hostTag}>`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Whether the focused element of the root matches `selector`. */
  focused(selector: string): Promise<boolean> {
    return this.run((root, sel) => !!root.activeElement?.matches(sel), selector).then((v) => v ?? false);
  }
}

/** Selects `text` in the article body the way a script can (a test's shortcut to a reader's drag). */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.querySelector('.article-body')!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
    throw new Error(`text not on the page: ${wanted}`);
  }, text);
}

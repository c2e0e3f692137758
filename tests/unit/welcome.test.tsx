// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { bundledDemoHtml } from '@/lib/demo/bundled-demo';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Welcome } from '@/entrypoints/welcome/Welcome';
import { useUiLocale } from '../support/i18n';

afterEach(() => useUiLocale('en'));

function mount(node: preact.ComponentChild): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(node, host));
  return host;
}

describe('the welcome page', () => {
  it('says what Thesis Lens does in three points and links the demo', () => {
    const onOpenChecklist = vi.fn();
    const host = mount(<Welcome demoUrl="chrome-extension://id/demo/alibaba-h200.html" annotateShortcut="Alt+Shift+L" onOpenChecklist={onOpenChecklist} />);
    expect(host.querySelector('h1')!.textContent).toBe('Welcome to Thesis Lens');
    expect(host.querySelectorAll('ol > li')).toHaveLength(3);
    expect(host.querySelector<HTMLAnchorElement>('[data-testid="open-demo"]')!.href).toBe('chrome-extension://id/demo/alibaba-h200.html');
    expect(host.textContent).toContain('press Alt+Shift+L');
    host.querySelector<HTMLButtonElement>('button')!.click();
    expect(onOpenChecklist).toHaveBeenCalledOnce();
  });

  it('in Chinese', () => {
    useUiLocale('zh_CN');
    const host = mount(<Welcome demoUrl="x" annotateShortcut="Alt+Shift+L" onOpenChecklist={() => {}} />);
    expect(host.querySelector('h1')!.textContent).toBe('欢迎使用 Thesis Lens');
    expect(host.querySelector('[data-testid="open-demo"]')!.textContent).toBe('打开示例文章');
    expect(host.textContent).toContain('或按 Alt+Shift+L');
  });
});

it('the bundled demo is the project’s demo article, plus the two scripts that annotate it', () => {
  const fixture = readFileSync('tests/fixtures/pages/demo-alibaba-h200.html', 'utf8');
  const bundled = bundledDemoHtml(fixture);
  const scripts = [...bundled.matchAll(/<script src="([^"]+)"><\/script>/g)].map((match) => match[1]);
  expect(scripts).toEqual(['/content-scripts/clipper.js', '/content-scripts/lens.js']);
  expect(bundled.startsWith(fixture)).toBe(true);
});

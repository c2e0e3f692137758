/** @jsxImportSource preact */
import { afterEach } from 'vitest';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { useUiLocale } from './i18n';

/**
 * Renders a component into a fresh element of the document, for component tests; importing
 * this module also empties the document and sets the UI back to English after each test.
 */
export function mount(node: ComponentChild): HTMLElement {
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(node, host));
  return host;
}

afterEach(() => {
  document.body.innerHTML = '';
  useUiLocale('en');
});

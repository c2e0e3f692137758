// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { LensEvents, LensShell } from '@/entrypoints/lens.content/feature';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'own-id', sendMessage: vi.fn(), onMessage: { addListener: vi.fn() } } } }));
const { FEATURES } = await import('@/entrypoints/lens.content/features');
const { growth } = await import('@/entrypoints/lens.content/features/growth');
const { corrections } = await import('@/entrypoints/lens.content/features/corrections');

/** A shell that records what a feature asks of it, and lets the test raise its events. */
function fakeShell() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const frameHandlers = new Map<string, (request: unknown) => void>();
  const rescans: string[] = [];
  const shell = {
    ctx: { setTimeout: (handler: () => void, ms: number) => window.setTimeout(handler, ms) },
    on: (event: string, handler: (payload: unknown) => void, signal: AbortSignal) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(handler);
      signal.addEventListener('abort', () => set.delete(handler));
    },
    onFrameRequest: (type: string, handler: (request: unknown) => void, signal: AbortSignal) => {
      frameHandlers.set(type, handler);
      signal.addEventListener('abort', () => frameHandlers.delete(type));
    },
    rescan: (reason: string) => rescans.push(reason),
    isOwnNode: (node: Node) => node.nodeType === 1 && (node as Element).hasAttribute('data-ours'),
  } as unknown as LensShell;
  const emit = <E extends keyof LensEvents>(event: E, payload?: LensEvents[E]) => listeners.get(event)?.forEach((handler) => handler(payload));
  return { shell, emit, rescans, frameHandlers, listeners };
}

describe('the lens features', () => {
  it('each has its own name (one line each in features.ts)', () => {
    const names = FEATURES.map((feature) => feature.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['growth', 'navigation', 'report', 'corrections', 'page-clicks', 'clippings']));
  });

  it('growth: a paragraph added after the first scan asks for a budgeted rescan; our own nodes and small changes do not', async () => {
    vi.useFakeTimers();
    try {
      document.body.innerHTML = '<article><p>Start.</p></article>';
      const { shell, emit, rescans } = fakeShell();
      const run = new AbortController();
      growth.start(shell, run.signal);
      emit('scanned');
      const ours = document.createElement('div');
      ours.setAttribute('data-ours', '');
      ours.textContent = 'x'.repeat(1000);
      document.body.append(ours);
      const small = document.createElement('p');
      small.textContent = 'Updated 10:31';
      document.body.append(small);
      await vi.advanceTimersByTimeAsync(2000);
      expect(rescans).toEqual([]);
      const paragraph = document.createElement('p');
      paragraph.textContent = 'A new paragraph of the article. '.repeat(12);
      document.body.append(paragraph);
      await vi.advanceTimersByTimeAsync(2000);
      expect(rescans).toEqual(['grew']);
      // Stopped: nothing more.
      run.abort();
      const more = document.createElement('p');
      more.textContent = 'More text. '.repeat(40);
      document.body.append(more);
      await vi.advanceTimersByTimeAsync(2000);
      expect(rescans).toEqual(['grew']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a stopped feature leaves no handler behind', () => {
    const { shell, frameHandlers } = fakeShell();
    const run = new AbortController();
    corrections.start(shell, run.signal);
    expect(frameHandlers.has('correct')).toBe(true);
    run.abort();
    expect(frameHandlers.has('correct')).toBe(false);
  });
});

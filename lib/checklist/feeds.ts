import { safeParsePack } from '../pack/schema';
import type { FeedState } from './records';

/**
 * Fetching a subscribed pack. The only network requests Thesis Lens makes of its own, and only
 * to URLs the user subscribed to. Whatever goes wrong (HTTP error, timeout, too large, not
 * JSON, not a valid pack), the last good version stays and the error is recorded with its
 * time; the checklist page shows both.
 *
 * `fetch` is a parameter so that the same code runs in the background and in Node tests
 * against a real local HTTP server.
 */

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface FeedFetchOptions {
  /** Whole request, body included. */
  timeoutMs?: number;
  maxBytes?: number;
}

export const FEED_TIMEOUT_MS = 15_000;
export const FEED_MAX_BYTES = 1024 * 1024;
/** How often the background refreshes every feed. */
export const FEED_REFRESH_MINUTES = 6 * 60;

class FeedError extends Error {}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Subscriptions are HTTPS only (a pack from plain HTTP could be altered on the way). */
export function checkFeedUrl(raw: string): { ok: true; url: string; origin: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, error: 'That is not a URL.' };
  }
  if (url.protocol !== 'https:') return { ok: false, error: 'Feeds must use https://.' };
  if (url.username || url.password) return { ok: false, error: 'Feed URLs cannot carry a user name or password.' };
  url.hash = '';
  return { ok: true, url: url.href, origin: url.origin };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The body, read as a stream and abandoned as soon as it passes `maxBytes`. */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedError(`too large: ${formatBytes(declared)} (limit ${formatBytes(maxBytes)})`);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedError(`too large: more than ${formatBytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

export async function refreshFeed(state: FeedState, fetchImpl: FetchLike, now: string, options: FeedFetchOptions = {}): Promise<FeedState> {
  const timeoutMs = options.timeoutMs ?? FEED_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? FEED_MAX_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json' };
  // Conditional headers only when there is a good version to fall back on a 304 with.
  if (state.pack && state.etag) headers['if-none-match'] = state.etag;
  if (state.pack && state.lastModified) headers['if-modified-since'] = state.lastModified;
  const failed = (message: string): FeedState => ({ ...state, checkedAt: now, error: { message, at: now } });
  try {
    const response = await fetchImpl(state.url, { headers, signal: controller.signal, credentials: 'omit', redirect: 'follow', cache: 'no-cache' });
    // A redirect may stay on the subscribed origin (scheme, host and port): a pack that came
    // from elsewhere, or over plain http, is not the one the user subscribed to. (A browser's
    // manual redirect mode hides the Location header, so the final URL is checked.)
    const finalUrl = response.url || state.url;
    if (!sameOrigin(finalUrl, state.url)) {
      await response.body?.cancel().catch(() => undefined);
      return failed(`redirected off the feed's origin (${originOf(state.url)}) to ${originOf(finalUrl)}; refused`);
    }
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      if (!state.pack) return failed('HTTP 304 Not Modified, but no earlier version is stored');
      return { ...state, fetchedAt: now, checkedAt: now, error: undefined };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return failed(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    }
    const text = await readLimited(response, maxBytes);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return failed(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = safeParsePack(json);
    if (!parsed.ok) {
      const shown = parsed.problems.slice(0, 3).join('; ');
      return failed(`not a valid thesis pack: ${shown}${parsed.problems.length > 3 ? ` (and ${parsed.problems.length - 3} more)` : ''}`);
    }
    // The pack id is fixed when the feed is first fetched: a feed that later claims another
    // id (say, the bundled thesis's) would take over a thesis the user did not give it.
    const packId = state.packId ?? state.pack?.id;
    if (packId !== undefined && parsed.pack.id !== packId) {
      return failed(`the feed now says its pack is "${parsed.pack.id}", not "${packId}" as when you subscribed; kept the last good version`);
    }
    return {
      ...state,
      packId: parsed.pack.id,
      pack: parsed.pack,
      etag: response.headers.get('etag') ?? undefined,
      lastModified: response.headers.get('last-modified') ?? undefined,
      fetchedAt: now,
      checkedAt: now,
      error: undefined,
    };
  } catch (error) {
    if (timedOut) return failed(`timed out after ${Math.round(timeoutMs / 1000)} s`);
    if (error instanceof FeedError) return failed(error.message);
    return failed(`network error: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}

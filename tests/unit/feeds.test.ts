import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parsePack } from '@/lib/pack/schema';
import { checkFeedUrl, refreshFeed } from '@/lib/checklist/feeds';
import type { FeedState } from '@/lib/checklist/records';

/** Feeds fetched from a real HTTP server on 127.0.0.1, one route per case. */

const goodPack = parsePack({
  id: 'acme',
  title: 'Acme',
  version: '1',
  topics: [{ id: 'acme', title: 'Acme', mentions: { en: ['Acme'], zh: [] } }],
  items: [{ id: 'orders', kind: 'catalyst', title: 'Orders', matchers: [{ all: [{ en: ['orders'], zh: [] }] }], history: [{ date: '2026-01-01', status: 'pending', note: 'Nothing yet.' }] }],
});
const goodBody = JSON.stringify(goodPack);
const newerPack = { ...goodPack, version: '2' };
const ETAG = '"v1"';

let server: Server;
let base = '';
/** A second server: another origin (port) serving the same good pack. */
let otherServer: Server;
let otherBase = '';
const slowResponses = new Set<ServerResponse>();
const requests: Array<{ url: string; ifNoneMatch?: string }> = [];

function handle(req: IncomingMessage, res: ServerResponse): void {
  requests.push({ url: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] as string | undefined });
  switch (req.url) {
    case '/good.json':
      if (req.headers['if-none-match'] === ETAG) {
        res.writeHead(304, { etag: ETAG }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', etag: ETAG, 'last-modified': 'Wed, 01 Jan 2026 00:00:00 GMT' }).end(goodBody);
      return;
    case '/newer.json':
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(newerPack));
      return;
    case '/slow.json':
      // Headers, then nothing: the body never finishes.
      slowResponses.add(res);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id":');
      return;
    case '/huge.json': {
      // 5 MB, streamed without Content-Length (chunked), in 64 KB pieces.
      res.writeHead(200, { 'content-type': 'application/json' });
      const piece = 'x'.repeat(64 * 1024);
      let sent = 0;
      const write = () => {
        while (sent < 80) {
          sent++;
          if (!res.write(piece)) return void res.once('drain', write);
        }
        res.end();
      };
      res.on('error', () => undefined);
      write();
      return;
    }
    case '/huge-declared.json':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(5 * 1024 * 1024) });
      res.end();
      return;
    case '/moved-here.json':
      res.writeHead(301, { location: '/good.json' }).end();
      return;
    case '/moved-to-other-host.json':
      // Same server, another origin (localhost is not 127.0.0.1).
      res.writeHead(302, { location: `http://localhost:${(server.address() as AddressInfo).port}/good.json` }).end();
      return;
    case '/moved-to-other-port.json':
      res.writeHead(307, { location: `${otherBase}/good.json` }).end();
      return;
    case '/takeover.json':
      // The same feed, now claiming to be the bundled thesis.
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...newerPack, id: 'alibaba-ai-cloud-h200' }));
      return;
    case '/invalid.json':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": "acme", ');
      return;
    case '/wrong-schema.json':
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...goodPack, items: [{ ...goodPack.items[0], history: [{ date: '2026-01-01', status: 'great', note: 'x' }] }] }));
      return;
    default:
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  otherServer = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(goodBody));
  await new Promise<void>((resolve) => otherServer.listen(0, '127.0.0.1', resolve));
  otherBase = `http://127.0.0.1:${(otherServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of slowResponses) res.destroy();
  server.closeAllConnections();
  otherServer.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await new Promise<void>((resolve) => otherServer.close(() => resolve()));
});

const NOW = '2026-03-01T12:00:00.000Z';
const LATER = '2026-03-01T18:00:00.000Z';

/** A feed that already has its last good version from /good.json. */
async function subscribedGood(): Promise<FeedState> {
  const fresh = await refreshFeed({ url: `${base}/good.json`, subscribedAt: NOW }, fetch, NOW);
  expect(fresh.error).toBeUndefined();
  return fresh;
}

/** Points a feed with a good version at another path, as if the publisher's server changed. */
function at(feed: FeedState, path: string): FeedState {
  return { ...feed, url: `${base}${path}` };
}

describe('refreshFeed against a real HTTP server', () => {
  it('200: stores the pack with its ETag and Last-Modified', async () => {
    const feed = await subscribedGood();
    expect(feed.pack).toEqual(goodPack);
    expect(feed.etag).toBe(ETAG);
    expect(feed.lastModified).toBe('Wed, 01 Jan 2026 00:00:00 GMT');
    expect(feed.fetchedAt).toBe(NOW);
  });

  it('304: sends If-None-Match and keeps the stored version', async () => {
    const feed = await subscribedGood();
    requests.length = 0;
    const next = await refreshFeed({ ...feed, error: { message: 'old', at: NOW } }, fetch, LATER);
    expect(requests[0]?.ifNoneMatch).toBe(ETAG);
    expect(next.pack).toEqual(goodPack);
    expect(next.fetchedAt).toBe(LATER);
    expect(next.error).toBeUndefined();
  });

  it('a new version replaces the old one', async () => {
    const next = await refreshFeed(at(await subscribedGood(), '/newer.json'), fetch, LATER);
    expect(next.pack?.version).toBe('2');
    expect(next.etag).toBeUndefined();
  });

  const failures: Array<[string, string, RegExp, { timeoutMs?: number }?]> = [
    ['404', '/missing.json', /^HTTP 404 Not Found$/],
    ['a slow response (timeout)', '/slow.json', /^timed out after 1 s$/, { timeoutMs: 1000 }],
    ['a 5 MB response', '/huge.json', /^too large: more than 1 MB$/],
    ['a declared 5 MB response', '/huge-declared.json', /^too large: 5 MB \(limit 1 MB\)$/],
    ['invalid JSON', '/invalid.json', /^not JSON: /],
    ['valid JSON, wrong schema', '/wrong-schema.json', /^not a valid thesis pack: items\[0\]\.history\[0\]\.status: /],
  ];
  for (const [name, path, message, options] of failures) {
    it(`${name}: keeps the last good version and records the error`, async () => {
      const good = await subscribedGood();
      const next = await refreshFeed(at(good, path), fetch, LATER, options);
      expect(next.pack).toEqual(goodPack);
      expect(next.fetchedAt).toBe(NOW);
      expect(next.checkedAt).toBe(LATER);
      expect(next.error?.at).toBe(LATER);
      expect(next.error?.message).toMatch(message);
    });
  }

  it('a first fetch that fails records the error and no pack', async () => {
    const next = await refreshFeed({ url: `${base}/missing.json`, subscribedAt: NOW }, fetch, NOW);
    expect(next.pack).toBeUndefined();
    expect(next.error).toEqual({ message: 'HTTP 404 Not Found', at: NOW });
  });

  it('an unreachable server is a network error, not a crash', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const next = await refreshFeed({ url: `http://127.0.0.1:${port}/x.json`, subscribedAt: NOW }, fetch, NOW);
    expect(next.error?.message).toMatch(/^network error: /);
  });
});

describe('feeds cannot be moved or taken over (issue 9)', () => {
  it('a redirect on the same origin is followed', async () => {
    const feed = await refreshFeed({ url: `${base}/moved-here.json`, subscribedAt: NOW }, fetch, NOW);
    expect(feed.error).toBeUndefined();
    expect(feed.pack?.id).toBe('acme');
    expect(feed.packId).toBe('acme');
  });

  it.each([
    ['another host', '/moved-to-other-host.json', /^redirected off the feed's origin \(http:\/\/127\.0\.0\.1:\d+\) to http:\/\/localhost:\d+; refused$/],
    ['another port', '/moved-to-other-port.json', /^redirected off the feed's origin \(http:\/\/127\.0\.0\.1:\d+\) to http:\/\/127\.0\.0\.1:\d+; refused$/],
  ])('a redirect to %s is refused and the last good version kept', async (_name, path, message) => {
    const good = await subscribedGood();
    const next = await refreshFeed(at(good, path), fetch, LATER);
    expect(next.error?.message).toMatch(message);
    expect(next.pack).toEqual(good.pack);
    expect(next.fetchedAt).toBe(NOW);
  });

  it('a redirect from https to http is refused (the final URL\'s origin is checked, scheme included)', async () => {
    // No TLS server here: a fetch that followed an https → http redirect, as a browser reports it.
    const downgraded: typeof fetch = async () => {
      const response = new Response(goodBody, { status: 200, headers: { 'content-type': 'application/json' } });
      Object.defineProperty(response, 'url', { value: 'http://feeds.example.com/pack.json' });
      return response;
    };
    const next = await refreshFeed({ url: 'https://feeds.example.com/pack.json', subscribedAt: NOW }, downgraded, NOW);
    expect(next.error?.message).toBe("redirected off the feed's origin (https://feeds.example.com) to http://feeds.example.com; refused");
    expect(next.pack).toBeUndefined();
  });

  it('a feed that changes its pack id (to the bundled thesis\'s) is refused and keeps its pack', async () => {
    const good = await subscribedGood();
    const next = await refreshFeed(at(good, '/takeover.json'), fetch, LATER);
    expect(next.error?.message).toBe('the feed now says its pack is "alibaba-ai-cloud-h200", not "acme" as when you subscribed; kept the last good version');
    expect(next.pack?.id).toBe('acme');
    expect(next.packId).toBe('acme');
  });

  it('a feed stored before pack ids were pinned is pinned to the id of its last good version', async () => {
    const { packId: _packId, ...legacy } = await subscribedGood();
    const next = await refreshFeed(at(legacy, '/takeover.json'), fetch, LATER);
    expect(next.error?.message).toMatch(/^the feed now says its pack is "alibaba-ai-cloud-h200", not "acme"/);
  });
});

describe('checkFeedUrl', () => {
  it('accepts https URLs only', () => {
    expect(checkFeedUrl(' https://example.com/pack.json#x ')).toEqual({ ok: true, url: 'https://example.com/pack.json', origin: 'https://example.com' });
    expect(checkFeedUrl('http://example.com/pack.json')).toEqual({ ok: false, error: 'Feeds must use https://.' });
    expect(checkFeedUrl('nope').ok).toBe(false);
    expect(checkFeedUrl('https://u:p@example.com/').ok).toBe(false);
  });
});

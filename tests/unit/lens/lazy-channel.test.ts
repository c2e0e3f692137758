import { describe, expect, it } from 'vitest';
import { lazyChannel } from '@/lib/lens/lazy-channel';
import type { RelayPort } from '@/lib/lens/frame-relay';

/** A port whose far side the test plays: what was posted, and a way to answer or drop it. */
function fakePort() {
  const messageListeners: Array<(message: unknown) => void> = [];
  const disconnectListeners: Array<() => void> = [];
  const port = {
    posted: [] as unknown[],
    disconnected: false,
    postMessage(message: unknown) {
      if (port.disconnected) throw new Error('disconnected');
      port.posted.push(message);
    },
    disconnect() {
      port.disconnected = true;
    },
    onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
    answer: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    /** The background went away (an idle service worker). */
    drop: () => {
      port.disconnected = true;
      disconnectListeners.forEach((listener) => listener());
    },
  };
  return port satisfies RelayPort;
}

type Msg = { type: string; n?: number };

function frameEnd() {
  const ports: Array<ReturnType<typeof fakePort>> = [];
  const received: Msg[] = [];
  let wakes = 0;
  const channel = lazyChannel<Msg, Msg>({
    connect: () => {
      const port = fakePort();
      ports.push(port);
      return port;
    },
    onMessage: (message) => received.push(message),
    wake: () => (wakes += 1),
    fromPeer: (message) => message.type === 'state',
    greeting: { type: 'ready' },
  });
  return { channel, ports, received, wakes: () => wakes };
}

describe('lazyChannel: a port held only while there is something to say', () => {
  it('greets on connecting and sends once the other end has shown itself', () => {
    const { channel, ports, received } = frameEnd();
    channel.open();
    expect(ports[0]!.posted).toEqual([{ type: 'ready' }]);
    channel.send({ type: 'activate', n: 1 });
    expect(ports[0]!.posted).toEqual([{ type: 'ready' }]);
    ports[0]!.answer({ type: 'state' });
    expect(ports[0]!.posted).toEqual([{ type: 'ready' }, { type: 'activate', n: 1 }]);
    expect(received).toEqual([{ type: 'state' }]);
    channel.send({ type: 'activate', n: 2 });
    expect(ports[0]!.posted.at(-1)).toEqual({ type: 'activate', n: 2 });
  });

  it('stays closed when the background goes away, and reconnects and wakes the other end only to send', () => {
    const { channel, ports, wakes } = frameEnd();
    channel.open();
    ports[0]!.answer({ type: 'state' });
    ports[0]!.drop();
    expect(channel.connected).toBe(false);
    expect(ports).toHaveLength(1);
    expect(wakes()).toBe(0);

    channel.send({ type: 'prefs', n: 3 });
    expect(ports).toHaveLength(2);
    expect(wakes()).toBe(1);
    expect(ports[1]!.posted).toEqual([{ type: 'ready' }]);
    ports[1]!.answer({ type: 'state' });
    expect(ports[1]!.posted).toEqual([{ type: 'ready' }, { type: 'prefs', n: 3 }]);
  });

  it('open() when connected does nothing; a woken end connects once however often it is woken', () => {
    const { channel, ports } = frameEnd();
    channel.open();
    channel.open();
    ports[0]!.drop();
    channel.open();
    channel.open();
    expect(ports).toHaveLength(2);
  });

  it('keeps at most 20 waiting messages, and none when told not to queue', () => {
    const { channel, ports } = frameEnd();
    for (let n = 0; n < 25; n++) channel.send({ type: 'activate', n });
    ports[0]!.answer({ type: 'state' });
    expect(ports[0]!.posted.slice(1).map((m) => (m as Msg).n)).toEqual([...Array(20).keys()].map((n) => n + 5));

    const sent: unknown[] = [];
    const lens = lazyChannel<Msg, Msg>({
      connect: () => {
        const port = fakePort();
        port.postMessage = (m: unknown) => void sent.push(m);
        return port;
      },
      onMessage: () => undefined,
      wake: () => undefined,
      fromPeer: (message) => message.type === 'ready',
      queue: false,
    });
    lens.send({ type: 'state', n: 1 });
    expect(lens.connected).toBe(true);
    expect(sent).toEqual([]);
  });

  it('an end that is gone for good never connects again', () => {
    let alive = true;
    let connects = 0;
    const channel = lazyChannel<Msg, Msg>({
      connect: () => {
        connects += 1;
        return fakePort();
      },
      onMessage: () => undefined,
      wake: () => undefined,
      fromPeer: () => true,
      alive: () => alive,
    });
    alive = false;
    channel.send({ type: 'state' });
    expect(connects).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { FrameRelay, relayEndOf, type RelayPort } from '@/lib/lens/frame-relay';

/** A port end as the background sees it: what it was sent, and a way to speak or hang up. */
function fakePort() {
  const received: unknown[] = [];
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  let closed = false;
  const port: RelayPort = {
    postMessage: (message) => {
      if (closed) throw new Error('Attempt to postMessage on disconnected port');
      received.push(message);
    },
    disconnect: () => {
      closed = true;
    },
    onMessage: { addListener: (listener) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => disconnectListeners.push(listener) },
  };
  return {
    port,
    received,
    get closed() {
      return closed;
    },
    say: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    hangUp: () => {
      closed = true;
      disconnectListeners.forEach((listener) => listener());
    },
  };
}

const TOKEN = '0123456789abcdef0123456789abcdef';

describe('relayEndOf', () => {
  it('reads the end and the token from a port name, and nothing else', () => {
    expect(relayEndOf(`tl-lens-host:${TOKEN}`)).toEqual({ end: 'host', token: TOKEN });
    expect(relayEndOf(`tl-lens-frame:${TOKEN}`)).toEqual({ end: 'frame', token: TOKEN });
    expect(relayEndOf(`tl-lens-other:${TOKEN}`)).toBeNull();
    expect(relayEndOf('tl-lens-host:short')).toBeNull();
    expect(relayEndOf(`tl-lens-host:${TOKEN}x`)).toBeNull();
  });
});

describe('FrameRelay', () => {
  it('passes messages both ways between a host and its frame in one tab', () => {
    const relay = new FrameRelay();
    const host = fakePort();
    const frame = fakePort();
    relay.accept(host.port, 'host', TOKEN, 7);
    relay.accept(frame.port, 'frame', TOKEN, 7);
    frame.say({ type: 'ready' });
    expect(host.received).toEqual([{ type: 'ready' }]);
    host.say({ type: 'state', state: { open: true } });
    expect(frame.received).toEqual([{ type: 'state', state: { open: true } }]);
  });

  it("tells a host that arrives after its frame that the frame is listening (the frame's own 'ready' went nowhere)", () => {
    const relay = new FrameRelay();
    const frame = fakePort();
    relay.accept(frame.port, 'frame', TOKEN, 3);
    frame.say({ type: 'ready' });
    const host = fakePort();
    relay.accept(host.port, 'host', TOKEN, 3);
    expect(host.received).toEqual([{ type: 'ready' }]);
  });

  it('refuses an end of the same token from another tab, and keeps the pair', () => {
    const relay = new FrameRelay();
    const host = fakePort();
    const frame = fakePort();
    const stranger = fakePort();
    relay.accept(host.port, 'host', TOKEN, 1);
    relay.accept(frame.port, 'frame', TOKEN, 1);
    expect(relay.accept(stranger.port, 'frame', TOKEN, 2)).toBe(false);
    expect(stranger.closed).toBe(true);
    host.say({ type: 'state' });
    expect(frame.received).toEqual([{ type: 'state' }]);
    expect(stranger.received).toEqual([]);
  });

  it('replaces an end by a newcomer (the frame reloaded) and closes the old one', () => {
    const relay = new FrameRelay();
    const host = fakePort();
    const oldFrame = fakePort();
    const newFrame = fakePort();
    relay.accept(host.port, 'host', TOKEN, 1);
    relay.accept(oldFrame.port, 'frame', TOKEN, 1);
    relay.accept(newFrame.port, 'frame', TOKEN, 1);
    expect(oldFrame.closed).toBe(true);
    host.say({ type: 'state' });
    expect(newFrame.received).toEqual([{ type: 'state' }]);
    // The old frame's late hang-up does not unpair the new one.
    oldFrame.hangUp();
    host.say({ type: 'state', n: 2 });
    expect(newFrame.received).toHaveLength(2);
  });

  it('keeps nothing once both ends are gone', () => {
    const relay = new FrameRelay();
    const host = fakePort();
    const frame = fakePort();
    relay.accept(host.port, 'host', TOKEN, 1);
    relay.accept(frame.port, 'frame', TOKEN, 1);
    host.hangUp();
    expect(relay.size).toBe(1);
    // Nothing to pass to while the host is away.
    frame.say({ type: 'activate', key: 'k' });
    frame.hangUp();
    expect(relay.size).toBe(0);
  });
});

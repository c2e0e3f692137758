import browser from 'webextension-polyfill';
import type { Handlers } from './router';
import type { FeedView } from '@/lib/messages/checklist';
import type { FeedState } from '@/lib/checklist/records';
import { checkFeedUrl, FEED_REFRESH_MINUTES, refreshFeed } from '@/lib/checklist/feeds';
import { ChecklistError, detachFeed } from '@/lib/checklist/theses';
import { mutate, readSnapshot } from './checklist-store';

/**
 * Subscribed packs: fetched when subscribed, every six hours (alarm) and on "Refresh now".
 * The host permission for the feed's origin is asked for by the checklist page at the moment
 * the user subscribes (a user gesture); without it, nothing is fetched.
 */

const ALARM = 'checklist-feeds-refresh';

export function feedView(feed: FeedState): FeedView {
  return {
    url: feed.url,
    subscribedAt: feed.subscribedAt,
    packId: feed.pack?.id ?? null,
    packTitle: feed.pack?.title ?? null,
    packVersion: feed.pack?.version ?? null,
    fetchedAt: feed.fetchedAt ?? null,
    checkedAt: feed.checkedAt ?? null,
    error: feed.error ?? null,
  };
}

function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

async function fetchFeed(feed: FeedState): Promise<FeedState> {
  const now = new Date().toISOString();
  if (!(await browser.permissions.contains({ origins: [originPattern(feed.url)] }))) {
    return { ...feed, checkedAt: now, error: { message: `no permission to read ${new URL(feed.url).origin} (subscribe again to grant it)`, at: now } };
  }
  return refreshFeed(feed, (url, init) => fetch(url, init), now);
}

/** Fetches outside the write queue (network is slow), then stores each result in one change. */
async function refreshFeeds(urls?: string[]): Promise<FeedState[]> {
  const { feeds } = (await readSnapshot()).feeds;
  const targets = feeds.filter((feed) => !urls || urls.includes(feed.url));
  const results = await Promise.all(targets.map(fetchFeed));
  return mutate((snapshot) => {
    // A feed unsubscribed while it was being fetched stays unsubscribed.
    const next = snapshot.feeds.feeds.map((feed) => results.find((result) => result.url === feed.url) ?? feed);
    return { feeds: { feeds: next }, result: next };
  });
}

export const feedHandlers: Handlers<'checklist/subscribe-feed' | 'checklist/refresh-feeds' | 'checklist/unsubscribe-feed'> = {
  'checklist/subscribe-feed': async ({ url: raw }) => {
    const checked = checkFeedUrl(raw);
    if (!checked.ok) throw new ChecklistError(checked.error);
    const { url } = checked;
    if (!(await browser.permissions.contains({ origins: [originPattern(url)] }))) {
      throw new ChecklistError(`Thesis Lens needs permission to read ${checked.origin} to follow this feed.`);
    }
    await mutate((snapshot) => {
      if (snapshot.feeds.feeds.some((feed) => feed.url === url)) return { result: undefined };
      return { feeds: { feeds: [...snapshot.feeds.feeds, { url, subscribedAt: new Date().toISOString() }] }, result: undefined };
    });
    const feeds = await refreshFeeds([url]);
    return { feed: feedView(feeds.find((feed) => feed.url === url)!) };
  },

  'checklist/refresh-feeds': async ({ url }) => ({ feeds: (await refreshFeeds(url ? [url] : undefined)).map(feedView) }),

  'checklist/unsubscribe-feed': async ({ url }) => {
    const removed = await mutate((snapshot) => {
      const feed = snapshot.feeds.feeds.find((candidate) => candidate.url === url);
      if (!feed) return { result: null };
      return {
        feeds: { feeds: snapshot.feeds.feeds.filter((candidate) => candidate.url !== url) },
        theses: detachFeed(snapshot.theses, feed, new Date().toISOString()),
        result: feed,
      };
    });
    // Give the origin's permission back unless another feed still uses it.
    if (removed) {
      const { feeds } = (await readSnapshot()).feeds;
      const pattern = originPattern(url);
      // (Not while "all sites" is on: that broader grant covers the origin and must stay.)
      const allSites = await browser.permissions.contains({ origins: ['https://*/*'] });
      if (!allSites && !feeds.some((feed) => originPattern(feed.url) === pattern)) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    }
    return {};
  },
};

export function setUpFeeds(): void {
  void browser.alarms.get(ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(ALARM, { periodInMinutes: FEED_REFRESH_MINUTES, delayInMinutes: FEED_REFRESH_MINUTES });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void readSnapshot().then(({ feeds }) => (feeds.feeds.length ? refreshFeeds() : undefined)).catch((error) => console.warn('Thesis Lens: feed refresh failed.', error));
  });
}

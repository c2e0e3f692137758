import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { contentScriptOf, type Handlers } from './router';
import { classifySender, withoutQuery } from './trust';
import { FrameRelay, relayEndOf } from '@/lib/lens/frame-relay';
import { FRAME_PATH } from '@/lib/lens/frame-protocol';
import { effectivePacks, onPacksChanged } from './checklist';
import { SidebarPrefsSchema, TabReportSchema, type LensCommand, type SidebarPrefs, type TabReport } from '@/lib/messages/lens';
import { gateTermsFromPacks, FALLBACK_GATE_TERMS, GATE_TERMS_KEY, type GateTerms } from '@/lib/gate';
import { NEWS_MATCHES, PRIVATE_MATCHES, isPrivateHost } from '@/lib/news-sites';
import { t } from '@/lib/i18n';

/**
 * Where the lens runs and what it costs elsewhere: the gate's terms, injecting the lens
 * (after the gate, on demand, by keyboard), pause per site, "all sites", the toolbar badge
 * and the sidebar prefs. The background is the single writer of everything stored here.
 */

const LENS_SCRIPT = '/content-scripts/lens.js';
const GATE_SCRIPT = '/content-scripts/gate.js';
const ALL_SITES_ORIGINS = ['https://*/*', 'http://*/*'];
const ALL_SITES_GATE_ID = 'thesis-lens-gate-all-sites';
const ANNOTATE_MENU_ID = 'thesis-lens-annotate-page';
const BADGE_COLOR = '#1d4ed8';

// ---- Stored data (versioned; parsed on read) ----

const HostListSchema = z.array(z.string());

const pausedHostsItem = storage.defineItem<string[]>('local:lens-paused-hosts', { fallback: [], version: 1 });
const allSitesItem = storage.defineItem<boolean>('local:lens-all-sites', { fallback: false, version: 1 });
/** Panel open or closed, per site (host → open). */
const openSitesItem = storage.defineItem<Record<string, boolean>>('local:lens-open-sites', { fallback: {}, version: 1 });
const OpenSitesSchema = z.record(z.string(), z.boolean());
/** The sender tab's site, from the browser's own record of the tab. */
function senderSite(sender: Runtime.MessageSender): string {
  const url = sender.tab?.url;
  if (!url) throw new Error('this message must come from a tab');
  return normalizeHost(new URL(url).hostname);
}
const prefsItem = storage.defineItem<SidebarPrefs>('local:lens-sidebar-prefs', { fallback: SidebarPrefsSchema.parse({}), version: 1 });
/** Read raw by the gate content script (no WXT storage there): plain value under `gate-terms`. */
const gateTermsItem = storage.defineItem<GateTerms>(`local:${GATE_TERMS_KEY}`, { fallback: FALLBACK_GATE_TERMS, version: 1 });
/** One key per tab (no read-modify-write races between tabs); session storage survives the worker's restarts. */
const reportKey = (tabId: number) => `session:lens-report:${tabId}` as const;

/** The sites "pause on this site" is about: `www.` is the same site. */
export function siteOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

const normalizeHost = (host: string) => host.trim().toLowerCase().replace(/^www\./, '');

async function pausedHosts(): Promise<string[]> {
  const parsed = HostListSchema.safeParse(await pausedHostsItem.getValue());
  return parsed.success ? parsed.data : [];
}

/** Paused on a host also pauses its subdomains (pausing example.com covers news.example.com). */
export async function isPaused(host: string): Promise<boolean> {
  const site = normalizeHost(host);
  return (await pausedHosts()).some((paused) => site === paused || site.endsWith(`.${paused}`));
}

async function readReport(tabId: number): Promise<TabReport | null> {
  const parsed = TabReportSchema.safeParse(await storage.getItem(reportKey(tabId)));
  return parsed.success ? parsed.data : null;
}

// ---- The badge ----

function badgeTitle(report: TabReport | null): string {
  if (!report?.relevant) return 'Thesis Lens';
  const claims = `${report.claims} claim${report.claims === 1 ? '' : 's'}`;
  return `Thesis Lens: ${claims} on this page${report.topics.length ? ` (${report.topics.join(', ')})` : ''}`;
}

async function showReport(tabId: number, report: TabReport | null): Promise<void> {
  const text = report?.relevant && report.claims > 0 ? String(Math.min(report.claims, 999)) : '';
  try {
    await Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR }),
      browser.action.setTitle({ tabId, title: badgeTitle(report) }),
    ]);
  } catch {
    // The tab closed meanwhile.
  }
}

async function clearReport(tabId: number): Promise<void> {
  await storage.removeItem(reportKey(tabId));
  await showReport(tabId, null);
}

// ---- Talking to the lens in a tab ----

/** Sends a command to the lens in a tab; false when no lens listens there. */
/** True only when a lens answered: other content scripts in the tab may listen and stay silent. */
async function sendToLens(tabId: number, command: LensCommand): Promise<boolean> {
  return (await askLens(tabId, command)) !== null;
}

/** The lens's answer, or null when no lens listens. `shown: false`: the page keeps the panel from showing. */
async function askLens(tabId: number, command: LensCommand): Promise<{ shown?: boolean } | null> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, command, { frameId: 0 });
    return typeof reply === 'object' && reply !== null && (reply as { lens?: unknown }).lens === true ? (reply as { shown?: boolean }) : null;
  } catch {
    return null;
  }
}

async function injectLens(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [LENS_SCRIPT] });
    return true;
  } catch (error) {
    console.warn(`Thesis Lens: could not inject the lens into tab ${tabId}:`, error);
    return false;
  }
}

/** Right after injection the lens may still be starting: retry for a short, bounded while. */
async function sendWhenReady(tabId: number, command: LensCommand, attempts = 30, delayMs = 100): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await sendToLens(tabId, command)) return true;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  return false;
}

/** On demand (popup, context menu, keyboard): the lens with its sidebar open, injected if needed. */
async function openLens(tabId: number, command: LensCommand = { type: 'lens/open-sidebar' }): Promise<boolean> {
  const reply = await askLens(tabId, command);
  if (reply) {
    if (reply.shown === false) throw new Error(t('sidebar_cannot_show'));
    return true;
  }
  if (!(await injectLens(tabId))) return false;
  await sendWhenReady(tabId, { type: 'lens/open-sidebar' });
  const answer = await askLens(tabId, { type: 'lens/open-sidebar' });
  if (answer?.shown === false) throw new Error(t('sidebar_cannot_show'));
  return true;
}

async function tabUrl(tabId: number): Promise<string | null> {
  try {
    return (await browser.tabs.get(tabId)).url ?? null;
  } catch {
    return null;
  }
}

/** The tabs showing a site, from their URL where visible or from the lens's last report. */
async function tabsOnSite(site: string): Promise<number[]> {
  const tabs = await browser.tabs.query({});
  const matches: number[] = [];
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    const url = tab.url ?? (await readReport(tab.id))?.url;
    const tabSite = url ? siteOf(url) : null;
    if (tabSite && (tabSite === site || tabSite.endsWith(`.${site}`))) matches.push(tab.id);
  }
  return matches;
}

// ---- The gate's terms ----

/**
 * Recomputes the gate's terms from the enabled packs. Runs when the worker starts and when
 * stored data changes; the checklist feature may also call it right after a change.
 */
export async function refreshGateTerms(): Promise<void> {
  try {
    const packs = await effectivePacks();
    const terms = packs.length ? gateTermsFromPacks(packs) : FALLBACK_GATE_TERMS;
    const current = await gateTermsItem.getValue();
    if (JSON.stringify(current) !== JSON.stringify(terms)) await gateTermsItem.setValue(terms);
  } catch (error) {
    console.warn('Thesis Lens: could not compute the gate terms; the gate keeps its previous ones.', error);
  }
}

// ---- All sites ----

async function hasAllSitesPermission(): Promise<boolean> {
  return browser.permissions.contains({ origins: ALL_SITES_ORIGINS });
}

async function registerAllSitesGate(enabled: boolean): Promise<void> {
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [ALL_SITES_GATE_ID] })).length > 0;
  if (enabled && !registered) {
    await browser.scripting.registerContentScripts([
      {
        id: ALL_SITES_GATE_ID,
        js: [GATE_SCRIPT.slice(1)],
        matches: ALL_SITES_ORIGINS,
        // The manifest's gate already covers the news sites; mail and chat are never read.
        excludeMatches: [...NEWS_MATCHES, ...PRIVATE_MATCHES],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  } else if (!enabled && registered) {
    await browser.scripting.unregisterContentScripts({ ids: [ALL_SITES_GATE_ID] });
  }
}

/** Brings the registration in line with the setting and the permission (after a restart or a revocation). */
async function reconcileAllSites(): Promise<boolean> {
  const enabled = (await allSitesItem.getValue()) === true && (await hasAllSitesPermission());
  if (!enabled) await allSitesItem.setValue(false);
  await registerAllSitesGate(enabled);
  return enabled;
}

// ---- The rescan budget ----

/**
 * Rescans a tab's soft navigations may cause: a bucket of `RESCAN_BURST` that refills one
 * every `RESCAN_REFILL_MS`. A reader clicking through a site's articles stays well within it.
 */
export const RESCAN_BURST = 6;
export const RESCAN_REFILL_MS = 20_000;
const rescanBuckets = new Map<number, { document: string; tokens: number; at: number }>();

/**
 * One rescan from the tab's budget, if any is left. The budget is per document (Chrome says
 * which one sent the message; elsewhere a new document is seen by `tabs.onUpdated`), so a
 * new page in the tab, where the lens must be injected anew, always starts with a full one.
 */
export function takeRescan(tabId: number, now = Date.now(), document = ''): boolean {
  const previous = rescanBuckets.get(tabId);
  const bucket = previous && previous.document === document ? previous : { document, tokens: RESCAN_BURST, at: now };
  const tokens = Math.min(RESCAN_BURST, bucket.tokens + (now - bucket.at) / RESCAN_REFILL_MS);
  const allowed = tokens >= 1;
  rescanBuckets.set(tabId, { document, tokens: allowed ? tokens - 1 : tokens, at: now });
  return allowed;
}

// ---- Messages ----

type LensMessage =
  | 'lens/gate-hit'
  | 'lens/report'
  | 'lens/tab-state'
  | 'lens/annotate-tab'
  | 'lens/show-sidebar'
  | 'lens/set-paused'
  | 'lens/is-paused'
  | 'lens/set-all-sites'
  | 'lens/get-prefs'
  | 'lens/set-prefs'
  | 'lens/site-open'
  | 'lens/set-site-open';

export const lensHandlers: Handlers<LensMessage> = {
  // The tab and its URL are the sender's (a content script may only speak for its own page).
  'lens/gate-hit': async (_payload, sender, caller) => {
    const { tabId, url } = contentScriptOf(caller);
    const site = siteOf(url);
    if (!site || isPrivateHost(url) || (await isPaused(site))) return { injected: false };
    // A soft navigation on a page where the lens already runs: it rescans instead, within the
    // tab's budget (a page that calls pushState every 600 ms gets a few rescans, not a core).
    if (!takeRescan(tabId, Date.now(), (sender as { documentId?: string }).documentId ?? '')) return { injected: true };
    if (await sendToLens(tabId, { type: 'lens/rescan' })) return { injected: true };
    return { injected: await injectLens(tabId) };
  },

  'lens/report': async (payload, _sender, caller) => {
    const { tabId, url } = contentScriptOf(caller);
    // Stored for the popup: the page's address without query or fragment (session ids, mail ids).
    const report: TabReport = { ...payload, url: withoutQuery(url) };
    await storage.setItem(reportKey(tabId), report);
    await showReport(tabId, report);
    return {};
  },

  'lens/tab-state': async ({ tabId }) => {
    const report = await readReport(tabId);
    const url = (await tabUrl(tabId)) ?? report?.url ?? null;
    const host = url ? siteOf(url) : null;
    return {
      report,
      host,
      paused: host ? await isPaused(host) : false,
      allSites: (await allSitesItem.getValue()) === true,
    };
  },

  'lens/annotate-tab': async ({ tabId }) => ({ injected: await openLens(tabId) }),

  'lens/show-sidebar': async ({ tabId }) => {
    if (!(await openLens(tabId))) throw new Error('Thesis Lens cannot run on this page');
    return {};
  },

  'lens/set-paused': async ({ host, paused }) => {
    const site = normalizeHost(host);
    const hosts = (await pausedHosts()).filter((entry) => entry !== site);
    await pausedHostsItem.setValue(paused ? [...hosts, site].sort() : hosts);
    for (const tabId of await tabsOnSite(site)) {
      if (paused) {
        await sendToLens(tabId, { type: 'lens/teardown' });
        await clearReport(tabId);
      } else {
        // Run the gate again: it injects the lens if the page may be relevant. Fails quietly
        // where the extension has no access (a page outside the news sites).
        await browser.scripting.executeScript({ target: { tabId }, files: [GATE_SCRIPT] }).catch(() => {});
      }
    }
    return { paused };
  },

  'lens/is-paused': async ({ host }) => ({ paused: host ? await isPaused(host) : false }),

  'lens/set-all-sites': async ({ enabled }) => {
    if (enabled && !(await hasAllSitesPermission())) {
      throw new Error('Thesis Lens needs access to all sites first (the browser asks when you turn this on)');
    }
    await allSitesItem.setValue(enabled);
    await registerAllSitesGate(enabled);
    return { allSites: enabled };
  },

  'lens/get-prefs': async () => {
    const parsed = SidebarPrefsSchema.safeParse(await prefsItem.getValue());
    return parsed.success ? parsed.data : SidebarPrefsSchema.parse({});
  },

  'lens/site-open': async (_payload, sender) => {
    const sites = OpenSitesSchema.safeParse(await openSitesItem.getValue());
    return { open: (sites.success ? sites.data : {})[senderSite(sender)] ?? null };
  },

  'lens/set-site-open': async ({ open }, sender) => {
    const site = senderSite(sender);
    const sites = OpenSitesSchema.safeParse(await openSitesItem.getValue());
    await openSitesItem.setValue({ ...(sites.success ? sites.data : {}), [site]: open });
    return {};
  },

  'lens/set-prefs': async (patch) => {
    const stored = SidebarPrefsSchema.safeParse(await prefsItem.getValue());
    const next = SidebarPrefsSchema.parse({ ...(stored.success ? stored.data : {}), ...patch });
    await prefsItem.setValue(next);
    return next;
  },
};

// ---- Listeners ----

async function activeTab(): Promise<Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
const OWN_KEYS = new Set([GATE_TERMS_KEY, 'lens-paused-hosts', 'lens-all-sites', 'lens-sidebar-prefs']);

/**
 * The lens in a page and its panel's frame meet here (lib/lens/frame-relay.ts says why). The
 * host must be our lens (in a web page, or in the bundled demo page), the frame our panel's
 * page, both in one tab.
 */
function setUpFrameRelay(): void {
  const relay = new FrameRelay();
  const own = () => ({ id: browser.runtime.id, origin: browser.runtime.getURL('/') });
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    const named = relayEndOf(port.name);
    if (!named) return;
    const caller = port.sender ? classifySender(port.sender, own()) : null;
    const frameUrl = browser.runtime.getURL(FRAME_PATH as '/lens-frame.html');
    const tabId = port.sender?.tab?.id;
    const fits =
      caller !== null &&
      typeof tabId === 'number' &&
      (named.end === 'host'
        ? // The lens runs in web pages, and in our own bundled demo page (an extension page).
          caller.kind === 'content-script' || caller.url.split('#')[0] !== frameUrl
        : caller.kind === 'extension-page' && caller.url.split('#')[0] === frameUrl);
    if (!fits) {
      port.disconnect();
      return;
    }
    relay.accept(port, named.end, named.token, tabId);
  });
}

export function setUpLens(): void {
  setUpFrameRelay();
  browser.runtime.onInstalled.addListener(() => {
    // Menus persist with the profile: create once per install/update.
    browser.contextMenus.remove(ANNOTATE_MENU_ID).catch(() => {}).finally(() => {
      browser.contextMenus.create({ id: ANNOTATE_MENU_ID, title: 'Thesis Lens: annotate this page', contexts: ['page'] });
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === ANNOTATE_MENU_ID && tab?.id !== undefined) void openLens(tab.id).catch((error) => console.warn(`Thesis Lens: ${String(error)}`));
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar') return;
    void (async () => {
      const tabId = tab?.id ?? (await activeTab())?.id;
      if (tabId !== undefined) await openLens(tabId, { type: 'lens/toggle-sidebar' });
    })().catch((error) => console.warn(`Thesis Lens: ${String(error)}`));
  });

  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    // A new document (or a soft navigation to another URL): the last report is stale.
    // Where the sender names no document (Firefox), a loading tab is taken as a new document.
    if (changeInfo.status === 'loading' && rescanBuckets.get(tabId)?.document === '') rescanBuckets.delete(tabId);
    if (changeInfo.status === 'loading' || changeInfo.url) {
      void readReport(tabId).then((report) => {
        if (report && (changeInfo.status === 'loading' || report.url !== changeInfo.url)) return clearReport(tabId);
      });
    }
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    rescanBuckets.delete(tabId);
    void storage.removeItem(reportKey(tabId));
  });

  browser.permissions.onRemoved.addListener(() => void reconcileAllSites());
  // Chrome may close the popup while its permission prompt is open, losing the popup's
  // follow-up message: the grant itself turns "all sites" on.
  browser.permissions.onAdded.addListener((added) => {
    if (!ALL_SITES_ORIGINS.every((origin) => added.origins?.includes(origin))) return;
    void allSitesItem.setValue(true).then(() => reconcileAllSites());
  });

  // A change the checklist store has just saved: the gate's terms follow at once (a page
  // opened right after creating a thesis must already be recognised).
  onPacksChanged(() => void refreshGateTerms());
  // Packs may change in stored data the checklist feature owns: recompute the gate terms then.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || Object.keys(changes).every((key) => OWN_KEYS.has(key.replace(/\$$/, '')))) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => void refreshGateTerms(), 500);
  });

  void refreshGateTerms();
  void reconcileAllSites().catch((error) => console.warn('Thesis Lens: could not restore the all-sites gate.', error));
}

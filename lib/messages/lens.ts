import { z } from 'zod';
import { defineMessages } from './protocol';
import { StanceSchema, StatusSchema } from '../pack/schema';

/** Where the sidebar sits and how it looks; remembered by the background. */
const SidebarSide = z.enum(['right', 'left']);
const SidebarWidth = z.number().int().min(260).max(720);
export const SidebarPrefsSchema = z.object({
  side: SidebarSide.default('right'),
  width: SidebarWidth.default(380),
  minimized: z.boolean().default(false),
});
export type SidebarPrefs = z.infer<typeof SidebarPrefsSchema>;
/**
 * A change to some of the prefs. No defaults here: zod 4 applies defaults inside optional
 * fields, so `SidebarPrefsSchema.partial()` would reset every field the change leaves out.
 */
export const SidebarPrefsPatchSchema = z.object({ side: SidebarSide, width: SidebarWidth, minimized: z.boolean() }).partial();
export type SidebarPrefsPatch = z.infer<typeof SidebarPrefsPatchSchema>;

/** One checklist item the page touches, with its claims, as the popup lists them (texts bounded). */
export const TabReportItemSchema = z.object({
  thesisId: z.string().max(200),
  thesisTitle: z.string().max(1000),
  id: z.string().max(200),
  title: z.string().max(1000),
  kind: z.enum(['catalyst', 'risk']).optional(),
  status: StatusSchema,
  /** How many claims touch the item (the list below may be shorter). */
  claimCount: z.number().int().min(0),
  claims: z.array(z.object({ text: z.string().max(400), stance: StanceSchema, hedged: z.boolean().default(false) })).max(20),
});
export type TabReportItem = z.infer<typeof TabReportItemSchema>;

/** What the lens found on a tab: the badge and the popup show it. */
export const TabReportSchema = z.object({
  url: z.string(),
  relevant: z.boolean(),
  topics: z.array(z.string()),
  claims: z.number().int().min(0),
  /** Per thesis when several are enabled. */
  theses: z.array(z.object({ id: z.string(), title: z.string(), claims: z.number().int() })).default([]),
  /** The items the page touches and their claims (the popup lists them). */
  items: z.array(TabReportItemSchema).max(200).default([]),
});
export type TabReport = z.infer<typeof TabReportSchema>;

/**
 * Messages of the reading experience. Content scripts and pages → background.
 * Background → content script messages are in `LensCommandSchema` below.
 */
export const lensMessages = defineMessages({
  /** The gate on a news page thinks the page may be relevant: inject the lens into this tab. */
  'lens/gate-hit': {
    /** `url` is ignored: the background takes the tab and its URL from the sender. */
    request: z.object({ url: z.string().optional() }),
    response: z.object({ injected: z.boolean() }),
    from: 'content-scripts',
  },
  /** The lens reports its latest result for the sender's tab (badge, popup). */
  'lens/report': {
    /** `url` is ignored: the background records the sender's URL (without its query). */
    request: TabReportSchema.extend({ url: z.string().optional() }),
    response: z.object({}),
    from: 'content-scripts',
  },
  // Below, up to the prefs: the popup only (extension pages), since they name a tab or a site.
  /** The popup asks about a tab. */
  'lens/tab-state': {
    request: z.object({ tabId: z.number().int() }),
    response: z.object({
      report: TabReportSchema.nullable(),
      host: z.string().nullable(),
      paused: z.boolean(),
      allSites: z.boolean(),
    }),
  },
  /** Annotate a tab on demand (popup button, context menu, toolbar): injects the lens even if the gate said no. */
  'lens/annotate-tab': {
    request: z.object({ tabId: z.number().int() }),
    response: z.object({ injected: z.boolean() }),
  },
  /** Show or hide the sidebar in a tab (popup button). */
  'lens/show-sidebar': {
    request: z.object({ tabId: z.number().int() }),
    response: z.object({}),
  },
  /** Pause or resume Thesis Lens on a site (host name). */
  'lens/set-paused': {
    request: z.object({ host: z.string().min(1), paused: z.boolean() }),
    response: z.object({ paused: z.boolean() }),
  },
  /** Is the lens paused on this host? The gate asks before doing anything. */
  'lens/is-paused': {
    request: z.object({ host: z.string() }),
    response: z.object({ paused: z.boolean() }),
  },
  /** After the user granted (or removed) the optional all-sites permission. */
  'lens/set-all-sites': {
    request: z.object({ enabled: z.boolean() }),
    response: z.object({ allSites: z.boolean() }),
  },
  'lens/get-prefs': {
    request: z.object({}),
    response: SidebarPrefsSchema,
    from: 'pages-and-content-scripts',
  },
  'lens/set-prefs': {
    request: SidebarPrefsPatchSchema,
    response: SidebarPrefsSchema,
    from: 'pages-and-content-scripts',
  },
  /** Whether the reader left the panel open or closed on the sender tab's site (null: never chose). */
  'lens/site-open': {
    request: z.object({}),
    response: z.object({ open: z.boolean().nullable() }),
    from: 'pages-and-content-scripts',
  },
  /** Remembers open or closed for the sender tab's site (taken from the sender, never the payload). */
  'lens/set-site-open': {
    request: z.object({ open: z.boolean() }),
    response: z.object({}),
    from: 'pages-and-content-scripts',
  },
});

/** Background → lens content script (via tabs.sendMessage). */
export const LensCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lens/toggle-sidebar') }),
  z.object({ type: z.literal('lens/open-sidebar') }),
  /** Rescan (e.g. after the checklist changed). */
  z.object({ type: z.literal('lens/rescan') }),
  /** The user paused Thesis Lens on this site: remove the sidebar and highlights, stop listening. */
  z.object({ type: z.literal('lens/teardown') }),
]);
export type LensCommand = z.infer<typeof LensCommandSchema>;

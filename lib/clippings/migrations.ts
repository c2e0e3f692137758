import { CLIPPING_SCHEMA_VERSION, ClippingSchema, ClippingV1Schema, type Clipping, type ClippingV1 } from './schema';
import { hostOf } from './page-key';
import { formatIssues } from '../pack/schema';

/**
 * Brings a stored record of any known shape up to the current one. Every read goes through
 * here, so a record left in an old shape (an interrupted upgrade, a restored backup) is
 * still read correctly; a record that fits no shape is reported, never silently dropped.
 */

/** The thesis every v1 item id belonged to: v1 knew only the bundled default thesis. */
export const V1_THESIS_ID = 'alibaba-ai-cloud-h200';

export type MigrationResult = { ok: true; clipping: Clipping; migrated: boolean } | { ok: false; reason: string };

export function migrateV1ToV2(old: ClippingV1): unknown {
  const saved = new Date(old.savedAt).toISOString();
  let url = old.url;
  try {
    const parsed = new URL(old.url);
    parsed.hash = '';
    url = parsed.toString();
  } catch {
    // left as is: the v2 schema will report it
  }
  return {
    schemaVersion: 2,
    id: old.id,
    quote: old.text,
    selectors: [
      { type: 'TextQuoteSelector', exact: old.selector.exact, prefix: old.selector.prefix, suffix: old.selector.suffix },
      { type: 'TextPositionSelector', start: old.selector.start, end: old.selector.end },
    ],
    page: { url, canonicalUrl: url, title: old.title, site: hostOf(url), published: null },
    createdAt: saved,
    updatedAt: saved,
    topics: [],
    items: old.itemIds.map((itemId) => ({ thesisId: V1_THESIS_ID, itemId })),
    note: old.comment ?? '',
    tags: [...new Set(old.tags.split(',').map((tag) => tag.trim()).filter(Boolean))],
    stance: 'neutral',
  };
}

function describe(issues: string[]): string {
  return issues.slice(0, 3).join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more)` : '');
}

export function migrateRecord(raw: unknown): MigrationResult {
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version === CLIPPING_SCHEMA_VERSION) {
    const parsed = ClippingSchema.safeParse(raw);
    return parsed.success ? { ok: true, clipping: parsed.data, migrated: false } : { ok: false, reason: describe(formatIssues(parsed.error)) };
  }
  if (version === 1) {
    const old = ClippingV1Schema.safeParse(raw);
    if (!old.success) return { ok: false, reason: `version 1 record: ${describe(formatIssues(old.error))}` };
    const parsed = ClippingSchema.safeParse(migrateV1ToV2(old.data));
    return parsed.success
      ? { ok: true, clipping: parsed.data, migrated: true }
      : { ok: false, reason: `version 1 record cannot be migrated: ${describe(formatIssues(parsed.error))}` };
  }
  return { ok: false, reason: `unknown schemaVersion ${JSON.stringify(version) ?? 'undefined'}` };
}

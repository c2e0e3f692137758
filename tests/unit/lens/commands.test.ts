import { describe, expect, it } from 'vitest';
import { LensCommandSchema, SidebarPrefsSchema } from '@/lib/messages/lens';
import { DEFAULT_SIDEBAR_PREFS, lensCommandOf } from '@/lib/lens/commands';

describe('the lens checks commands without zod', () => {
  it('takes exactly what the schema takes', () => {
    const candidates: unknown[] = [
      { type: 'lens/toggle-sidebar' },
      { type: 'lens/open-sidebar' },
      { type: 'lens/rescan' },
      { type: 'lens/teardown' },
      { type: 'lens/teardown', extra: 'ignored' },
      { type: 'lens/steal' },
      { type: '__proto__' },
      { type: 42 },
      { kind: 'lens/rescan' },
      'lens/rescan',
      null,
      undefined,
      [],
    ];
    for (const raw of candidates) {
      const parsed = LensCommandSchema.safeParse(raw);
      expect(lensCommandOf(raw), JSON.stringify(raw)).toEqual(parsed.success ? parsed.data : null);
    }
  });

  it('starts with the schema’s default prefs', () => {
    expect(DEFAULT_SIDEBAR_PREFS).toEqual(SidebarPrefsSchema.parse({}));
  });
});

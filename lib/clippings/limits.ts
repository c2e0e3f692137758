/** Bounds: a clipping is a passage, not a page; a hostile import cannot fill the disk through one record. */
export const LIMITS = { quote: 20_000, note: 20_000, tag: 100, tags: 50, items: 100, url: 4_000, title: 1_000, topics: 50 } as const;

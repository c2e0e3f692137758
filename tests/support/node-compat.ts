/**
 * Node 20 lacks Map.groupBy (Node 21+), which vitest 5's reporter calls when it prints a
 * failure: without this, a failing test crashes the reporter instead of being reported.
 * Imported by the vitest configs, so it runs in vitest's main process.
 */
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    configurable: true,
    writable: true,
    value<K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return groups;
    },
  });
}
export {};

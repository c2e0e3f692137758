import './tests/support/node-compat';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Tests that read ../shared/ (the seed article and the Readability corpus). They fail
// loudly when that folder is missing: see tests/support/shared.ts.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/corpus/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/support/i18n.ts'],
    testTimeout: 120_000,
  },
});

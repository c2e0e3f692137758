import './tests/support/node-compat';
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Unit and fixture tests: everything here runs from the repository alone.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/support/i18n.ts'],
  },
});

import { defineConfig } from '@playwright/test';

// End-to-end tests: the built extension loaded into a real Chromium (tests/e2e/extension.ts).
// Project "repo" needs nothing outside the repository; project "shared" reads ../shared/
// (the seed article, the Readability corpus) and runs in `npm run test:shared`.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'repo', testMatch: '**/*.spec.ts', testIgnore: 'shared/**' },
    { name: 'shared', testMatch: 'shared/**/*.spec.ts' },
  ],
});

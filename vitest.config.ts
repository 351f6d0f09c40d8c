import { defineConfig } from 'vitest/config';

// Each run also writes a JSON report, so CI can print one plain "N passed, N failed" line.
const projectArgument = process.argv.indexOf('--project');
const runName = projectArgument > 0 ? process.argv[projectArgument + 1] : 'all';

export default defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: `test-results/vitest-${runName}.json` },
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/wordpress/global-setup.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts', 'tests/support/wordpress/global-setup.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});

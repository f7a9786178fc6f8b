// Test runner settings. Most of the suite waits on whole processes (builds, a browser, Redis, poppler and
// Ghostscript), so two test files run at once even on two cores (vitest's default would be one: cores − 1). The time
// limits are generous, so that a machine under load (a build running beside the suite) is slower, never red; the
// suite's own time is reported in the closing notes, not asserted.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The build cache of the suite's own (shared by its files and the processes they start), never the user's.
process.env['NEWSPRINT_CACHE'] = join(tmpdir(), `newsprint-test-cache-${process.pid}`);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    globalSetup: ['test/cache-setup.ts'],
  },
});

// The suite's build cache (vitest.config.ts sets NEWSPRINT_CACHE for every test process): removed when the run ends.
import { rmSync } from 'node:fs';

export default function setup(): () => void {
  return () => {
    const dir = process.env['NEWSPRINT_CACHE'];
    if (dir && /newsprint-test-cache-\d+$/.test(dir)) rmSync(dir, { recursive: true, force: true });
  };
}

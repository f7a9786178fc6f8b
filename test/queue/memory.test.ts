// A queued edition that needs more memory than a build may use (newsprint worker --max-build-memory-mb): it fails
// once, with one line and not retried; its build thread's temporary folder is swept; the worker goes on.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { threadId } from 'node:worker_threads';
import { removeThreadLeftovers } from '../../src/publish/write.js';
import { tempDir } from '../helpers.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITIONS, newsprint, newsprintRun, sharedRoot, startRedis, stopWorker, type RedisServer, type Running } from './queue-helpers.js';

let redis: RedisServer;
let root: string;
let worker: Running;

beforeAll(async () => {
  redis = await startRedis();
  root = sharedRoot();
  worker = newsprint(['worker', '--queue', redis.url, '--root', root, '--max-build-memory-mb', '24'], root);
  await worker.waitFor(/building jobs from/);
}, 120_000);

afterAll(async () => {
  if (worker) await stopWorker(worker);
  await redis?.stop();
});

describe('a build out of memory on a worker', () => {
  it('fails with one line naming the edition and the limit, once, leaves no temporary folder, and the worker goes on', async () => {
    const r = await newsprintRun(['build', EDITIONS[0]!, '--queue', redis.url, '--out', 'out'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/editions\/courier-1\.yaml: out of memory: the build needed more than the 24 MB a build may use \(newsprint worker --max-build-memory-mb N\)/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+|FATAL|heap limit Allocation failed/);
    // Not tried again: the same edition needs the same memory every time.
    expect(worker.stderr().match(/courier-1\.yaml: building/g)).toHaveLength(1);
    const out = join(root, 'out');
    expect(existsSync(out) ? readdirSync(out).filter((n) => n.startsWith('.')) : []).toEqual([]);
    // The worker is still there, taking jobs.
    expect(worker.child.exitCode).toBeNull();
  }, 180_000);

  it('what a dead build thread left is swept by its thread id: its staging folders go, other threads’ and machines’ stay', () => {
    const dir = tempDir();
    const host = hostname().replace(/[^A-Za-z0-9.-]+/g, '_') || 'host';
    const mine = `.courier-2026-11-01.partial-${host}-${process.pid}-${threadId + 7}.1`;
    const keep = [`.courier-2026-11-01.partial-${host}-${process.pid}-${threadId + 8}.1`, `.courier-2026-11-01.partial-othermachine-${process.pid}-${threadId + 7}.1`, 'courier-2026-11-01'];
    for (const n of [mine, `.courier-2026-11-01.old-${host}-${process.pid}-${threadId + 7}.2`, ...keep]) mkdirSync(join(dir, n));
    expect(removeThreadLeftovers(dir, threadId + 7).sort()).toEqual([mine, `.courier-2026-11-01.old-${host}-${process.pid}-${threadId + 7}.2`].sort());
    expect(readdirSync(dir).sort()).toEqual([...keep].sort());
  });

  it('a limit that is no size is refused at the command line', async () => {
    const r = await newsprintRun(['worker', '--queue', redis.url, '--root', root, '--max-build-memory-mb', '2'], root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--max-build-memory-mb 2 is not a size in MB/);
  });
});

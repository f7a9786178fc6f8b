// Redis restarting under a queued build: survived when Redis keeps its data (append-only file), reported as lost, exit 3, when it does not.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differences, EDITIONS, editionDir, newsprint, newsprintRun, sharedRoot, startRedis, startWorker, stopWorker, type RedisServer, type Running } from './queue-helpers.js';

const servers: RedisServer[] = [];
const workers: Running[] = [];
afterAll(async () => {
  await Promise.all(workers.map(stopWorker));
  await Promise.all(servers.map((s) => s.stop()));
});

describe('Redis restarting', () => {
  it('with its append-only file: the worker and the waiting build reconnect, say so, and both editions are built as locally', async () => {
    const redis = await startRedis({ persistent: true });
    servers.push(redis);
    const root = sharedRoot();
    const worker = await startWorker(redis.url, root);
    workers.push(worker);
    const build = newsprint(['build', EDITIONS[0]!, EDITIONS[1]!, '--queue', redis.url, '--out', 'restarted'], root);
    // Mid-build: Redis goes down (killed outright; every write was already synced to its file) and comes back 1 s later.
    await worker.waitFor(/building \(attempt 1/);
    await redis.stop(true);
    await new Promise((r) => setTimeout(r, 1_000));
    await redis.start();
    const code = await build.exited;
    const err = build.stderr();
    expect(code, err).toBe(0);
    expect(err).toMatch(new RegExp(`^newsprint: lost the queue at ${redis.url} \\((connection refused|connection reset|connection closed)\\); reconnecting$`, 'm'));
    expect(err).toMatch(new RegExp(`^newsprint: the queue at ${redis.url} is back$`, 'm'));
    expect(err).toMatch(/^newsprint: built all 2 editions$/m);
    expect(worker.stderr()).toMatch(/lost the queue at .*; reconnecting\n[\s\S]*is back/);
    // The bytes are those of a local build.
    for (const i of [0, 1]) expect((await newsprintRun(['build', EDITIONS[i]!, '--root', '.', '--out', 'local', '--quiet'], root)).code).toBe(0);
    for (const i of [0, 1]) expect(differences(join(root, 'local', editionDir(i)), join(root, 'restarted', editionDir(i)))).toEqual([]);
  }, 180_000);

  it('without its data: the waiting build says each edition was lost with its job, and exits 3', async () => {
    const redis = await startRedis();
    servers.push(redis);
    const root = sharedRoot();
    // No worker: the jobs wait in Redis, and go with it.
    const build = newsprint(['build', EDITIONS[0]!, EDITIONS[1]!, '--queue', redis.url, '--out', 'lost'], root);
    await build.waitFor(/no worker is listening yet/);
    await redis.stop();
    await redis.start();
    const code = await build.exited;
    const err = build.stderr();
    expect(code, err).toBe(3);
    for (const e of [EDITIONS[0]!, EDITIONS[1]!]) expect(err).toMatch(new RegExp(`^newsprint: \\[\\d/2\\] lost ${e}: its job is no longer in the queue \\(Redis restarted without its data\\?\\)$`, 'm'));
    expect(err).toMatch(/^newsprint: 0 of 2 editions built; not built: /m);
  }, 60_000);
});

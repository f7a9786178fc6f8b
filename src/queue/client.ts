// The machine that queues: puts one job an edition on the build queue, then follows each to its end.
import { isAbsolute, resolve } from 'node:path';
import { Job, Queue } from 'bullmq';
import { displayPath } from '../ingest/paths.js';
import { connectionOptions, type LinkEvent, type QueueAddress } from './connection.js';
import { BUILD_QUEUE, JOB_OPTIONS, QUEUE_PREFIX, type BuildJob, type BuildJobResult } from './jobs.js';

/** How an edition's job ended. */
export type Finished =
  | { readonly kind: 'built'; readonly result: BuildJobResult }
  | {
      readonly kind: 'failed';
      /** Failed on its input, once, without retries (the worker's UnrecoverableError); else a crash or the system, after its attempts. */
      readonly input: boolean;
      /** The failure as the worker's build printed it. */
      readonly reason: string;
      readonly attempts: number;
    }
  /** No end known: the job is gone from Redis (restarted without its data), or Redis stayed away too long. */
  | { readonly kind: 'lost'; readonly reason: string };

/** What the queueing side hears while it waits, in order, for the progress lines. */
export type QueueEvent =
  | { readonly kind: 'queued'; readonly jobs: number; readonly workers: number | undefined }
  | { readonly kind: 'link'; readonly event: LinkEvent }
  /** An attempt failed (a crash or the system) and BullMQ will try again. */
  | { readonly kind: 'retrying'; readonly index: number; readonly attempt: number; readonly reason: string }
  /** The job's worker stopped renewing its lock (killed, or cut off): the job went back to the queue for another. */
  | { readonly kind: 'requeued'; readonly index: number }
  | { readonly kind: 'finished'; readonly index: number; readonly finished: Finished };

export interface QueueRunOptions {
  /** How often the jobs' states are read, ms: 4 reads a second keeps the progress lines prompt and costs Redis nothing. */
  readonly pollMs?: number;
  /**
   * How long Redis may stay unreachable before the wait is given up, ms (default 2 minutes: a Redis restarted by its
   * service manager is back in seconds). Jobs already queued stay queued and are built when it comes back.
   */
  readonly giveUpMs?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Queues the jobs (one BullMQ job each, JOB_OPTIONS), then reads their states until every one has ended, telling
 * `onEvent` as things happen. The states are read rather than listened for (QueueEvents), so nothing is missed across
 * a reconnection, and a job that vanished with a Redis restarted without its data is seen and reported as lost.
 */
export async function buildOnQueue(address: QueueAddress, jobs: readonly BuildJob[], onEvent: (e: QueueEvent) => void, opts: QueueRunOptions = {}): Promise<Finished[]> {
  const pollMs = opts.pollMs ?? 250;
  const giveUpMs = opts.giveUpMs ?? 120_000;
  let lostAt: number | undefined;
  const connection = connectionOptions(address, (event) => {
    lostAt = event.state === 'lost' ? Date.now() : undefined;
    onEvent({ kind: 'link', event });
  });
  const queue = new Queue<BuildJob, BuildJobResult>(BUILD_QUEUE, { connection, prefix: QUEUE_PREFIX });
  // Connection errors are told through the watcher; BullMQ emits them here too.
  queue.on('error', () => undefined);
  const finished: (Finished | undefined)[] = jobs.map(() => undefined);
  let gaveUp = false;
  try {
    const added = await queue.addBulk(jobs.map((data) => ({ name: 'build', data, opts: JOB_OPTIONS })));
    const ids = added.map((j) => j.id!);
    const workers = await queue.getWorkersCount().catch(() => undefined);
    onEvent({ kind: 'queued', jobs: ids.length, workers });
    const seen = ids.map(() => ({ attemptsMade: 0, stalled: 0, missing: false }));
    const finish = (i: number, f: Finished) => {
      if (finished[i]) return;
      finished[i] = f;
      onEvent({ kind: 'finished', index: i, finished: f });
    };
    // One round: every unfinished job's state and counters. While Redis is away the reads wait for it to come back.
    const round = async () => {
      await Promise.all(
        ids.map(async (id, i) => {
          if (finished[i]) return;
          // The state first, then the job: a job read before it finished and its state after would have no result yet.
          const state = await queue.getJobState(id);
          const job = state === 'unknown' ? undefined : await Job.fromId<BuildJob, BuildJobResult>(queue, id);
          // Gone from Redis: lost, once seen so on two rounds running (a state read mid-move must not end a build).
          if (!job) {
            if (seen[i]!.missing) return finish(i, { kind: 'lost', reason: 'its job is no longer in the queue (Redis restarted without its data?)' });
            seen[i] = { ...seen[i]!, missing: true };
            return;
          }
          if (state === 'completed') return job.returnvalue ? finish(i, { kind: 'built', result: job.returnvalue }) : undefined;
          if (state === 'failed') {
            // Our worker fails bad input with an UnrecoverableError: the last trace BullMQ kept names it.
            const input = (job.stacktrace?.at(-1) ?? '').startsWith('UnrecoverableError');
            return finish(i, { kind: 'failed', input, reason: job.failedReason ?? 'failed', attempts: job.attemptsMade });
          }
          if (job.attemptsMade > seen[i]!.attemptsMade) onEvent({ kind: 'retrying', index: i, attempt: job.attemptsMade, reason: job.failedReason ?? '' });
          if ((job.stalledCounter ?? 0) > seen[i]!.stalled) onEvent({ kind: 'requeued', index: i });
          seen[i] = { attemptsMade: job.attemptsMade, stalled: job.stalledCounter ?? 0, missing: false };
        }),
      );
    };
    while (finished.some((f) => !f)) {
      await sleep(pollMs);
      // A round waits while Redis is away; the watchdog gives up when it has been away longer than giveUpMs.
      const roundDone = round();
      let tick: NodeJS.Timeout | undefined;
      const watchdog = new Promise<'gave up'>((r) => {
        tick = setInterval(() => {
          if (lostAt !== undefined && Date.now() - lostAt > giveUpMs) r('gave up');
        }, 200);
      });
      const winner = await Promise.race([roundDone.then(() => 'done' as const), watchdog]).finally(() => clearInterval(tick));
      if (winner === 'gave up') {
        gaveUp = true;
        roundDone.catch(() => undefined);
        const why = `the queue at ${address.shown} has been unreachable for ${Math.round(giveUpMs / 1000)} s; the job may still be built when it is back`;
        for (const [i, f] of finished.entries()) if (!f) finish(i, { kind: 'lost', reason: why });
      }
    }
  } finally {
    // A Redis that is away would keep a gentle close waiting for it.
    if (gaveUp) await queue.disconnect().catch(() => undefined);
    else await queue.close().catch(() => undefined);
  }
  return finished as Finished[];
}

/**
 * A worker's failure text with its paths as this machine sees them: the worker names files relative to the shared root
 * (its working folder), as `file:line:col: error: …` or `newsprint: error: PATH: …`; here they become paths relative to
 * this process's working folder (or absolute), as a local build would print them.
 */
export function rebaseMessage(text: string, root: string, cwd = process.cwd()): string {
  const rebase = (file: string) => (isAbsolute(file) || /^[a-z][a-z0-9+.-]*:\/\//i.test(file) ? file : displayPath(resolve(root, file), cwd));
  return text
    .split('\n')
    .map((line) => {
      const diag = /^(.+?):(\d+):(\d+): (error|warning|info): /.exec(line);
      if (diag) return `${rebase(diag[1]!)}${line.slice(diag[1]!.length)}`;
      const sys = /^newsprint: error: (.+?): /.exec(line);
      if (sys) return `newsprint: error: ${rebase(sys[1]!)}${line.slice(`newsprint: error: ${sys[1]!}`.length)}`;
      return line;
    })
    .join('\n');
}

// A BullMQ worker that builds queued editions, each in a thread of its own, so the job's lock is renewed on time.
import { hostname } from 'node:os';
import { resolve as resolve_ } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker as Thread } from 'node:worker_threads';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { removeThreadLeftovers } from '../publish/write.js';
import { connectionOptions, type LinkEvent, type QueueAddress } from './connection.js';
import { BUILD_QUEUE, invalidJob, LOCK_DURATION_MS, MAX_STALLED_COUNT, QUEUE_PREFIX, STALLED_INTERVAL_MS, type BuildJob, type BuildJobResult } from './jobs.js';

/** What the build thread posts back: the build's figures, or why it failed and whether trying again could help. */
export type JobOutcome =
  | { readonly ok: true; readonly result: Omit<BuildJobResult, 'worker' | 'ms'> }
  | {
      readonly ok: false;
      /** False for the job's own fault (bad input: a retry would fail the same way); true for a crash or the system failing. */
      readonly retry: boolean;
      /** The failure as `newsprint build` prints it: diagnostics with their file:line:col, or one `newsprint: error:` line. */
      readonly text: string;
    };

export interface WorkerOptions {
  readonly address: QueueAddress;
  /** Jobs built at once by this process, each in its own thread (BullMQ's concurrency). */
  readonly concurrency: number;
  /**
   * The module a build thread runs: it gets the BuildJob as workerData, builds it in the process's working folder
   * (the shared root), and posts one JobOutcome. The command line's (cli/commands/build-job.ts) calls the same code
   * as `newsprint build`.
   */
  readonly jobModule: URL;
  /** One line of the worker's log (no newline). */
  readonly log: (line: string) => void;
  /**
   * The most heap, MB, a build thread may use (V8's old generation): an edition that needs more fails with one line,
   * "out of memory", and the worker and its other builds go on. Default: Node's own limit for the process.
   */
  readonly maxBuildMemoryMb?: number;
}

export interface RunningWorker {
  /** This worker's name, `host:pid`, as BullMQ stores it on the jobs it takes. */
  readonly name: string;
  /**
   * Stops taking jobs. Gently, the jobs under way are finished first; with `now`, their threads are stopped at once and
   * the jobs, their locks left to expire, go to another worker.
   */
  stop(now?: boolean): Promise<void>;
  /** Settles when the worker has stopped. */
  readonly stopped: Promise<void>;
}

/** Seconds, for the log. */
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Starts a worker on the build queue. A job's build runs in a worker thread while this thread only waits, renewing
 * the job's lock every LOCK_DURATION_MS / 2: a build that keeps its own thread busy for seconds on end (layout is
 * synchronous) cannot make the job look stalled. A UserError fails the job at once (UnrecoverableError); anything
 * else — a crash, a full disk, a lost mount — is thrown for BullMQ to try again (JOB_OPTIONS: 3 attempts).
 */
export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const name = `${hostname()}:${process.pid}`;
  const { log } = opts;
  const threads = new Set<Thread>();
  /** Stopped at once (a second signal): the threads were ended under their builds. */
  let forced = false;
  const linked = (e: LinkEvent) => log(e.state === 'lost' ? `lost the queue at ${opts.address.shown} (${e.why}); reconnecting` : `the queue at ${opts.address.shown} is back`);

  const process_ = async (job: Job<BuildJob, BuildJobResult>): Promise<BuildJobResult> => {
    const label = `job ${job.id} ${typeof job.data?.edition === 'string' ? job.data.edition : '(no edition)'}`;
    const bad = invalidJob(job.data);
    if (bad) {
      log(`${label}: refused: ${bad}`);
      throw bare(new UnrecoverableError(bad));
    }
    log(`${label}: building (attempt ${job.attemptsMade + 1} of ${job.opts.attempts ?? 1})`);
    const t0 = performance.now();
    let outcome: JobOutcome;
    try {
      outcome = await runThread(opts.jobModule, job.data, threads, opts.maxBuildMemoryMb);
    } catch (e) {
      // Out of memory under the thread's limit: the edition's own (it needs the same memory every time), not retried.
      if (!forced && e instanceof OutOfMemory) {
        log(`${label}: failed: ${e.message}`);
        throw bare(new UnrecoverableError(`newsprint: error: ${job.data.edition}: ${e.message}`));
      }
      const why = forced ? 'the worker was stopped mid-build' : e instanceof Error ? e.message : String(e);
      log(`${label}: the build thread failed (${why}); the job will be tried again`);
      throw bare(new Error(`the build crashed on worker ${name}: ${why}`));
    }
    const ms = Math.round(performance.now() - t0);
    if (outcome.ok) {
      log(`${label}: built ${outcome.result.dir}/ in ${secs(ms)}`);
      return { ...outcome.result, worker: name, ms };
    }
    const first = outcome.text.split('\n')[0];
    if (!outcome.retry) {
      log(`${label}: failed on its input in ${secs(ms)}: ${first}`);
      throw bare(new UnrecoverableError(outcome.text.trimEnd()));
    }
    log(`${label}: failed in ${secs(ms)}: ${first}; the job will be tried again if it has attempts left`);
    throw bare(new Error(outcome.text.trimEnd()));
  };

  const worker = new Worker<BuildJob, BuildJobResult>(BUILD_QUEUE, process_, {
    connection: connectionOptions(opts.address, linked),
    prefix: QUEUE_PREFIX,
    name,
    concurrency: opts.concurrency,
    lockDuration: LOCK_DURATION_MS,
    stalledInterval: STALLED_INTERVAL_MS,
    maxStalledCount: MAX_STALLED_COUNT,
  });
  // Connection trouble is told by the watcher above; other errors of BullMQ's own loop go to the log, one line each.
  worker.on('error', (e) => {
    if (!/ECONNREFUSED|ECONNRESET|Connection is closed|connect E/.test(e.message)) log(`queue error: ${e.message.split('\n')[0]}`);
  });
  await worker.waitUntilReady();
  let stopping: Promise<void> | undefined;
  let resolveStopped!: () => void;
  const stopped = new Promise<void>((r) => (resolveStopped = r));
  return {
    name,
    stopped,
    stop(now = false) {
      if (now) {
        forced = true;
        for (const t of threads) void t.terminate();
        stopping = worker.close(true);
      } else stopping ??= worker.close();
      return stopping.then(resolveStopped);
    },
  };
}

/** A build thread that ran out of the memory it may use. */
class OutOfMemory extends Error {}

/** The error with only its first line as its stack: BullMQ keeps the stack on the job, and a thread's frames tell nothing. */
function bare<E extends Error>(e: E): E {
  e.stack = `${e.name}: ${e.message}`;
  return e;
}

/**
 * Runs one build in a fresh worker thread and returns what it posted. The thread gets the job's SOURCE_DATE_EPOCH (or
 * none, as the machine that queued it had none), so the bytes are those that machine's own build would give. A thread
 * that dies without posting (out of memory, a crash in native code) rejects.
 */
function runThread(module: URL, job: BuildJob, threads: Set<Thread>, maxMemoryMb?: number): Promise<JobOutcome> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env['SOURCE_DATE_EPOCH'];
  if (job.sourceDateEpoch !== undefined) env['SOURCE_DATE_EPOCH'] = job.sourceDateEpoch;
  return new Promise<JobOutcome>((resolve, reject) => {
    const t = new Thread(module, { workerData: job, env, ...(maxMemoryMb !== undefined ? { resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb } } : {}) });
    // Its id while it runs (the thread's temporary folders carry it), for sweeping them if it dies without a result.
    const id = t.threadId;
    threads.add(t);
    let outcome: JobOutcome | undefined;
    let error: Error | undefined;
    // Ended once it has posted: a pool or timer left open in the thread must not keep the job waiting.
    t.on('message', (m: JobOutcome) => {
      outcome = m;
      void t.terminate();
    });
    t.on('error', (e) => (error = e));
    t.on('exit', (code) => {
      threads.delete(t);
      if (outcome) return resolve(outcome);
      // A thread that died mid-build (out of memory) left its temporary folder in the output folder: removed now.
      removeThreadLeftovers(resolve_(job.out), id);
      if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        reject(new OutOfMemory(`out of memory: the build needed more than the ${maxMemoryMb === undefined ? 'memory' : `${maxMemoryMb} MB`} a build may use (newsprint worker --max-build-memory-mb N)`));
      } else reject(error ?? new Error(`the thread stopped with exit code ${code} and no result`));
    });
  });
}

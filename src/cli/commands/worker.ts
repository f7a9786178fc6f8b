// `newsprint worker --queue redis://HOST:PORT --root DIR`: builds the editions `newsprint build --queue` puts on the queue, until stopped.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail } from '../../core/index.js';

export interface WorkerArgs {
  /** The Redis holding the queue: redis://HOST:PORT (rediss:// for TLS). */
  readonly queue: string;
  /** The shared folder: the jobs' paths are relative to it, and it is where outputs are written. */
  readonly root: string;
  /** Editions built at once by this process, each in its own thread. Default 1: a build already uses both cores of a small machine. */
  readonly concurrency: number;
  /** The most heap a build thread may use, MB (V8's old generation); default Node's own limit. */
  readonly maxBuildMemoryMb?: number;
  readonly quiet: boolean;
}

/** The most builds one worker process runs at once: each holds an edition in memory (about 1–2 GB for 48 pages). */
const MAX_CONCURRENCY = 64;

/**
 * Checks the options and Redis, moves to the shared folder, and builds jobs until SIGINT or SIGTERM: the first stops
 * taking jobs and lets those under way finish; a second stops them now (their jobs go to another worker once their
 * locks expire). Logs a line a job on stderr.
 */
export async function workerCommand(a: WorkerArgs): Promise<void> {
  if (!(Number.isInteger(a.concurrency) && a.concurrency >= 1 && a.concurrency <= MAX_CONCURRENCY)) {
    fail('cli/option', `--concurrency ${a.concurrency} is not a number of builds`, undefined, [`give a whole number from 1 to ${MAX_CONCURRENCY}; 1 suits a machine of up to 4 cores`]);
  }
  const root = checkRoot(a.root);
  const { parseQueueAddress, checkReachable, startWorker } = await import('../../queue/index.js');
  const address = parseQueueAddress(a.queue);
  await checkReachable(address);
  // The builds run in the shared folder: jobs name their files relative to it, and so do the messages and report.json.
  process.chdir(root);
  const log = (line: string) => void process.stderr.write(`newsprint worker: ${line}\n`);
  const mem = a.maxBuildMemoryMb;
  if (mem !== undefined && !(Number.isInteger(mem) && mem >= 16)) {
    fail('cli/option', `--max-build-memory-mb ${mem} is not a size in MB`, undefined, ['give a whole number of MB, at least 16; the sample’s eight pages build within 140']);
  }
  const worker = await startWorker({ address, concurrency: a.concurrency, jobModule: new URL('./build-job.js', import.meta.url), log: a.quiet ? () => undefined : log, ...(mem !== undefined ? { maxBuildMemoryMb: mem } : {}) });
  log(`${worker.name} building jobs from ${address.shown} in ${root}, ${a.concurrency} at a time; Ctrl-C to stop`);
  let signals = 0;
  const stop = (signal: string) => {
    signals++;
    if (signals === 1) log(`${signal}: stopping after the builds under way (again to stop now)`);
    else log(`${signal}: stopping now; unfinished jobs go to another worker`);
    void worker.stop(signals > 1);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await worker.stopped;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  log('stopped');
}

/** The shared folder, absolute; a missing folder or a file is refused naming the option. */
export function checkRoot(given: string, option = '--root'): string {
  const root = resolve(given);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    fail('cli/option', `${option} ${given}: no such folder`, undefined, ['give the shared folder the editions are in (the same volume on every machine, mounted anywhere)']);
  }
  if (!isDir) fail('cli/option', `${option} ${given}: is a file, not a folder`, undefined, ['give the shared folder the editions are in']);
  return root;
}

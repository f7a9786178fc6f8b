// `newsprint build` and `e-edition` run in a thread of their own (bin/newsprint.js), so that running out of memory is
// one line and exit 3, not V8's fatal error and native stack: the main thread watches, and sweeps what the build left.
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { EXIT } from './exit.js';

/** What the main thread gives a build thread (workerData): the arguments, and whether its stderr is a terminal. */
export interface CliThreadData {
  readonly newsprintCli: { readonly argv: readonly string[]; readonly tty: boolean; readonly columns?: number };
}

/** A build thread's message to the main thread: an output folder it is writing into (where its leftovers would be). */
export interface StagingMessage {
  readonly newsprintStaging: string;
}

/** The arguments when this is a CLI build thread, else undefined. */
export function cliThreadArgs(): readonly string[] | undefined {
  const d = (isMainThread ? undefined : workerData) as CliThreadData | undefined;
  if (!d?.newsprintCli) return undefined;
  // Its stderr is a pipe to the main thread's: the progress bar is drawn when the main thread's is a terminal.
  if (d.newsprintCli.tty) Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
  return d.newsprintCli.argv;
}

/** True for a command line that lays out an edition here: build or e-edition, not queued, not asking for help. */
export function buildsHere(argv: readonly string[]): boolean {
  if (argv[0] !== 'build' && argv[0] !== 'e-edition') return false;
  return !argv.some((a) => a === '--queue' || a.startsWith('--queue=') || a === '--help' || a === '-h' || a === '--version');
}

/**
 * Runs the command line in a worker thread started from `entry` (the bin, which runs it as a CLI build thread), with
 * the heap limit this process has (Node's default, or NODE_OPTIONS=--max-old-space-size). Its output goes to this
 * process's. Returns its exit code. Out of memory: one line, exit 3. SIGINT and SIGTERM: the thread is stopped, its
 * temporary folders removed, and the signal ends the process as it would have.
 */
export function runInThread(entry: string, argv: readonly string[]): Promise<number> {
  const limitMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
  const data: CliThreadData = { newsprintCli: { argv, tty: !!process.stderr.isTTY, ...(process.stderr.columns ? { columns: process.stderr.columns } : {}) } };
  const thread = new Worker(entry, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: limitMb } });
  const id = thread.threadId;
  const outputs = new Set<string>();
  // The writer's module loads only when there is something to sweep: a command that writes nothing never loads it.
  const sweep = async () => {
    if (outputs.size === 0) return;
    const { removeThreadLeftovers } = await import('../publish/write.js');
    for (const dir of outputs) removeThreadLeftovers(dir, id);
  };
  let error: (Error & { code?: string }) | undefined;
  let signalled: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    signalled = signal;
    void thread.terminate();
  };
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, onSignal);
  thread.on('message', (m: StagingMessage) => {
    if (typeof m?.newsprintStaging === 'string') outputs.add(m.newsprintStaging);
  });
  thread.on('error', (e) => (error = e));
  return new Promise((resolve) => {
    thread.on('exit', async (code) => {
      for (const s of ['SIGINT', 'SIGTERM'] as const) process.off(s, onSignal);
      if (signalled) {
        await sweep();
        process.kill(process.pid, signalled);
        return;
      }
      if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        await sweep();
        const room = totalmem() / 2 ** 20 > 2 * limitMb ? ` (this machine has ${Math.floor(totalmem() / 2 ** 30)} GB)` : '';
        process.stderr.write(`newsprint: error: out of memory: the build needed more than the ${limitMb.toLocaleString('en-GB')} MB of heap Node allows it\n  hint: give it more with NODE_OPTIONS=--max-old-space-size=MB${room}, or build fewer pages at once\n`);
        return resolve(EXIT.internal);
      }
      if (error) {
        // A crash outside the command's own handling (which prints and returns a code): said in one line.
        await sweep();
        process.stderr.write(`newsprint: internal error: ${error.message}\n`);
        return resolve(EXIT.internal);
      }
      resolve(code);
    });
  });
}

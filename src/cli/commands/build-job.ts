// One queued edition, built in a thread of `newsprint worker`: the same buildCommand as `newsprint build`, in the shared folder.
import { relative } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildJob, JobOutcome } from '../../queue/index.js';
import { reportError } from '../errors.js';
import { EXIT } from '../exit.js';
import { buildCommand } from './build.js';
import { confineToOption, setRootOption } from '../../ingest/root.js';

/*
 * The worker (src/queue/worker.ts) starts this module in a fresh worker thread for each job, with the job as
 * workerData, in the process's working folder: the shared root (`newsprint worker` moves there at start). The job's
 * paths are relative to it, so the build reads, writes and names files exactly as `newsprint build EDITION --out OUT`
 * run in that folder would, and its outputs are the same bytes. It posts one JobOutcome and ends.
 */
const job = workerData as BuildJob;
let outcome: JobOutcome;
try {
  // The worker reads only its shared folder: every file the job names, and every file those name, must be inside it
  // by its real path (a symbolic link in the shared folder leading out of it is refused like a path leading out).
  setRootOption(process.cwd(), true);
  confineToOption(job.edition, 'edition file');
  confineToOption(job.out, 'output folder');
  if (job.template.includes('/') || job.template.startsWith('.')) confineToOption(job.template, 'template set');
  if (job.plant.includes('/') || job.plant.startsWith('.')) confineToOption(job.plant, 'plant profile');
  const result = await buildCommand({
    files: [job.edition],
    out: job.out,
    template: job.template,
    plant: job.plant,
    proof: job.proof,
    ...(job.allowOverset ? { allowOverset: true } : {}),
    ...(job.baseUrl !== undefined ? { baseUrl: job.baseUrl } : {}),
    ...(job.formats !== undefined ? { formats: job.formats } : {}),
    quiet: true,
  });
  const count = (s: string) => result.warnings.filter((w) => w.severity === s).length;
  outcome = { ok: true, result: { dir: relative(process.cwd(), result.dir), pages: result.layout.pages.length, warnings: count('warning'), notes: count('info') } };
} catch (e) {
  // The failure as `newsprint build` would print it; exit code 1 (bad input, a path the user can fix) is final, and
  // anything else — the system failing, a bug — may go better on another try or another machine.
  let text = '';
  const code = reportError(e, (s) => void (text += s));
  outcome = { ok: false, retry: code === EXIT.internal, text };
}
parentPort!.postMessage(outcome);

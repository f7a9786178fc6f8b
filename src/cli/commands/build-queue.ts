// `newsprint build EDITION… --queue redis://HOST:PORT`: an edition a job for the workers, waited for with a line as each ends.
import { join, relative, resolve } from 'node:path';
import { fail } from '../../core/index.js';
import type { BuildJob } from '../../queue/index.js';
import { EXIT } from '../exit.js';
import { isEditionFile, type BuildArgs } from './build.js';
import { checkRoot } from './worker.js';

export interface BuildQueueArgs extends BuildArgs {
  /** The Redis holding the queue, as the workers were given it. */
  readonly queue: string;
  /** The shared folder as this machine sees it; default the working folder. Edition files and --out must be inside it. */
  readonly root?: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Checks the editions and options here (a mistake is refused before anything is queued), queues one job an edition,
 * and waits: a line on stderr as each edition is built or fails, the failures with their diagnostics. Returns the
 * exit code: 0 when every edition was built, 1 when some failed on their input (and none otherwise), 3 when one failed
 * by a crash or the system after its attempts, or was lost with Redis. An unreachable Redis throws (exit 3).
 */
export async function buildQueueCommand(a: BuildQueueArgs): Promise<number> {
  const root = checkRoot(a.root ?? '.');
  const { parseQueueAddress, checkReachable, buildOnQueue, rebaseMessage, rootRelative, nameOrRootPath, JOB_VERSION } = await import('../../queue/index.js');
  const address = parseQueueAddress(a.queue);
  if (a.files.length === 0) fail('cli/queue', 'build --queue needs the edition files to build', undefined, ['name them: newsprint build editions/*.yaml --queue redis://HOST:PORT']);
  const seen = new Set<string>();
  const editions = a.files.map((f) => {
    if (!isEditionFile(f)) fail('cli/queue', `${f}: build --queue takes edition files (.yaml), a job each`, undefined, ['make an edition file for loose article files (docs/edition-file.md), or build them here without --queue']);
    const rel = rootRelative(f, root, 'edition file');
    if (seen.has(rel)) fail('cli/queue', `${f} is named twice`, undefined, ['name each edition once: two builds of it would write the same folder']);
    seen.add(rel);
    return rel;
  });
  // Two editions of one paper and date would write one folder, and the later build would replace the earlier in
  // silence: refused before anything is queued, naming both. (An edition file that cannot be read is left to its
  // worker, which reports it as it reports any bad edition.)
  const { readSourceFile, parseEditionFile, slugify } = await import('../../ingest/index.js');
  const bySlug = new Map<string, string>();
  for (const f of a.files) {
    let slug: string;
    try {
      const spec = parseEditionFile(f, readSourceFile(f).text, () => true);
      slug = `${slugify(spec.publication.name)}-${spec.date}`;
    } catch {
      continue;
    }
    const other = bySlug.get(slug);
    if (other !== undefined) {
      fail('cli/queue', `${other} and ${f} are both ${slug}: their builds would write the same folder, ${join(a.out, slug)}/, and the later would replace the earlier`, undefined, [
        'give one another date or publication, or build them into different --out folders',
      ]);
    }
    bySlug.set(slug, f);
  }
  if (a.baseUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(a.baseUrl)) {
    fail('cli/option', `--base-url ${a.baseUrl} is not a web address`, undefined, ['give the absolute address the e-edition will be published at, such as https://courier.example/e-edition/']);
  }
  const out = rootRelative(a.out, root, '--out');
  const { checkOutputPath } = await import('../../publish/out-path.js');
  checkOutputPath(a.out, 'folder', '--out');
  // A template set or plant given by path travels as a path in the shared folder; a name, as the name.
  const template = nameOrRootPath(a.template, a.template.includes('/') || a.template.startsWith('.'), root, '--template');
  const plant = nameOrRootPath(a.plant, a.plant.includes('/') || /\.ya?ml$/.test(a.plant), root, '--plant');
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  const jobs = editions.map((edition): BuildJob => ({
    version: JOB_VERSION,
    edition,
    out,
    template,
    plant,
    proof: a.proof,
    allowOverset: a.allowOverset ?? false,
    ...(a.baseUrl !== undefined ? { baseUrl: a.baseUrl } : {}),
    ...(a.formats !== undefined ? { formats: a.formats } : {}),
    ...(epoch ? { sourceDateEpoch: epoch } : {}),
  }));
  await checkReachable(address);

  const say = (line: string) => void process.stderr.write(`newsprint: ${line}\n`);
  const info = a.quiet ? () => undefined : say;
  const shown = (rel: string) => relative(process.cwd(), resolve(root, rel)) || '.';
  const names = a.files;
  let done = 0;
  const finished = await buildOnQueue(address, jobs, (e) => {
    switch (e.kind) {
      case 'queued':
        return info(
          `queued ${plural(e.jobs, 'edition')} on ${address.shown}; ${e.workers === undefined ? 'waiting for the workers' : e.workers === 0 ? 'no worker is listening yet: start one with newsprint worker --queue URL --root DIR' : `${plural(e.workers, 'worker')} listening`}`,
        );
      case 'link':
        return say(e.event.state === 'lost' ? `lost the queue at ${address.shown} (${e.event.why}); reconnecting` : `the queue at ${address.shown} is back`);
      case 'retrying':
        return info(`${names[e.index]}: attempt ${e.attempt} failed (${e.reason.split('\n')[0]}); trying again`);
      case 'requeued':
        return info(`${names[e.index]}: its worker stopped answering; the job went back to the queue for another worker`);
      case 'finished': {
        done++;
        const at = `[${done}/${jobs.length}]`;
        const f = e.finished;
        if (f.kind === 'built') {
          const r = f.result;
          const findings = [r.warnings ? plural(r.warnings, 'warning') : '', r.notes ? plural(r.notes, 'note') : ''].filter(Boolean).join(', ');
          return info(`${at} built ${names[e.index]} → ${shown(r.dir)}/ (${plural(r.pages, 'page')}${findings ? `; ${findings} in report.json` : ''}; worker ${r.worker}, ${(r.ms / 1000).toFixed(1)} s)`);
        }
        if (f.kind === 'lost') return say(`${at} lost ${names[e.index]}: ${f.reason}`);
        say(`${at} failed ${names[e.index]}${f.input || f.attempts === 0 ? '' : ` after ${plural(f.attempts, 'attempt')}`}:`);
        return void process.stderr.write(rebaseMessage(f.reason, root).trimEnd() + '\n');
      }
    }
  });

  const built = finished.filter((f) => f.kind === 'built').length;
  const bad = finished.flatMap((f, i) => (f.kind === 'built' ? [] : [names[i]!]));
  if (bad.length === 0) info(built === 1 ? 'built the edition' : `built all ${built} editions`);
  else say(`${built} of ${plural(jobs.length, 'edition')} built; not built: ${bad.join(', ')}`);
  if (finished.some((f) => f.kind === 'lost' || (f.kind === 'failed' && !f.input))) return EXIT.internal;
  return bad.length > 0 ? EXIT.input : EXIT.ok;
}

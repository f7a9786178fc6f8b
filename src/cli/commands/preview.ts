// `newsprint preview`: the edition in a browser, laid out again on every save, until Ctrl-C.
import { relative, resolve } from 'node:path';
import { fail } from '../../core/index.js';
import { FONTS_DIR, SAMPLE_EDITION, TEMPLATES_DIR } from '../paths.js';

export interface PreviewArgs {
  readonly files: readonly string[];
  readonly port: number;
  readonly host: string;
  readonly open: boolean;
  readonly template: string;
  readonly plant: string;
  readonly out: string;
  readonly build: boolean;
}

/** Serves the preview until SIGINT or SIGTERM, then closes the server and its watchers. */
export async function previewCommand(a: PreviewArgs): Promise<void> {
  if (!(Number.isInteger(a.port) && a.port >= 0 && a.port <= 65535)) fail('cli/option', `--port ${a.port} is not a port number`, undefined, ['give a number from 1024 to 65535, or 0 for any free port']);
  // Where the Build button and --build write: refused now if it is a file, not writable or on a missing drive.
  const { checkOutputPath } = await import('../../publish/out-path.js');
  checkOutputPath(a.out, 'folder', '--out');
  const { startPreview } = await import('../../preview/server.js');
  const files = a.files.length > 0 ? a.files : [relative(process.cwd(), SAMPLE_EDITION) || SAMPLE_EDITION];
  const preview = await startPreview({
    files,
    template: a.template,
    templatesDir: TEMPLATES_DIR,
    fontsDir: FONTS_DIR,
    plant: a.plant,
    port: a.port,
    host: a.host,
    outDir: resolve(a.out),
    build: a.build,
    log: (line) => process.stderr.write(line + '\n'),
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'EADDRINUSE') fail('cli/option', `port ${a.port} on ${a.host} is in use`, undefined, ['give another with --port, or 0 for any free port']);
    throw e;
  });
  process.stderr.write(`newsprint preview: ${preview.url} (Ctrl-C to stop)${a.host === '127.0.0.1' || a.host === 'localhost' ? '' : ` — listening on ${a.host}, not only this machine`}\n`);
  // child_process is loaded only here: every command starts with this module loaded, and it costs a few ms.
  if (a.open) (await import('node:child_process')).spawn('xdg-open', [preview.url], { stdio: 'ignore', detached: true }).on('error', () => process.stderr.write('newsprint preview: could not open a browser; open the address yourself\n')).unref();
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void preview.close().then(() => {
        process.stderr.write('newsprint preview: stopped\n');
        done();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

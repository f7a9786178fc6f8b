#!/usr/bin/env node
// newsprint command: runs the compiled CLI (npm install / npm ci compile it through the prepare script).
//
// It starts from dist/cli/newsprint.cjs, the CLI bundled into one script, with the V8 code cache made for it at build
// time (scripts/bundle-cli.mjs): a command then starts without resolving, reading and compiling some 200 modules
// (docs/composer.md, "Cold start"). Without the bundle (NEWSPRINT_BUNDLE=0, or only `tsc` run since) it runs dist/ as
// ES modules, which behave the same. This file is CommonJS (bin/package.json): an ES module entry point would start
// Node's module loader for nothing when the bundle is used.
'use strict';
const { existsSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script, constants } = require('node:vm');
const { isMainThread } = require('node:worker_threads');

const dist = join(__dirname, '..', 'dist', 'cli');
const compiled = statSync(join(dist, 'main.js'), { throwIfNoEntry: false });
if (!compiled) {
  process.stderr.write('newsprint: the CLI is not compiled yet; run `npm install` (or `npm run build`) in the newsprint folder first\n');
  process.exit(3);
}

/** The CLI's module (run, runInThread…) from the bundle and its code cache; undefined when there is no bundle or it is not to be used. */
function fromBundle() {
  const file = join(dist, 'newsprint.cjs');
  const dynamicImport = constants && constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const bundle = statSync(file, { throwIfNoEntry: false });
  // Older than the compiled modules (tsc has run since the bundle was made): they are what is to run. (npm's own
  // packages give every file one date, so an installed package starts from its bundle.)
  if (process.env.NEWSPRINT_BUNDLE === '0' || !dynamicImport || !bundle || bundle.mtimeMs < compiled.mtimeMs) return undefined;
  const source = readFileSync(file, 'latin1'); // the bundle is ASCII
  const head = /^\/\/ newsprint CLI bundle ([0-9a-f]+)\n/.exec(source);
  if (!head) return undefined;
  // Named by the bundle's hash: a cache is only ever used with the bundle it was made from.
  const cacheFile = join(dist, `newsprint.${head[1]}.cache`);
  const writing = process.env.NEWSPRINT_CODE_CACHE === 'write';
  const cachedData = !writing && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  // The file is the bundle in CommonJS's own wrapper function (scripts/bundle-cli.mjs).
  const script = new Script(source, { filename: file, cachedData, importModuleDynamically: dynamicImport });
  // V8 refuses a cache made by another version or with other flags, and then compiles as usual.
  if (process.env.NEWSPRINT_CODE_CACHE === 'report') process.stderr.write(`newsprint: code cache ${cachedData ? (script.cachedDataRejected ? 'rejected' : 'used') : 'absent'}\n`);
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, dirname(file));
  if (writing) {
    // After the command, with every function it ran compiled (the build's training run).
    process.once('exit', () => {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    });
  }
  return mod.exports;
}

// `build` and `e-edition` lay out in a thread of their own (src/cli/thread.ts), started from this same file: out of
// memory there is one line and exit 3, not V8's fatal error. In that thread, the arguments come from the main thread.
const bundled = fromBundle();
(bundled ? Promise.resolve(bundled) : import(pathToFileURL(join(dist, 'main.js')).href))
  .then((cli) => {
    const inThread = !isMainThread && cli.cliThreadArgs();
    const argv = inThread || process.argv.slice(2);
    if (isMainThread && process.env.NEWSPRINT_THREAD !== '0' && cli.buildsHere(argv)) return cli.runInThread(__filename, argv);
    return cli.run(argv);
  })
  .then((code) => {
    process.exitCode = code;
    // The command has finished. Ending the process now, rather than when its event loop drains, spares waiting for
    // V8's background compilation of code that will not run again (some 10 ms of a galley). Not while a message to a
    // slow pipe or terminal is still being written: then Node ends it once the message is out.
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit();
  });

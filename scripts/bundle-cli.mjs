// Bundles the compiled CLI (dist/cli/main.js and everything it loads in the main thread) into one CommonJS file,
// dist/cli/newsprint.cjs, and makes its V8 code cache: what bin/newsprint.js starts from (docs/composer.md, "Cold
// start"). Node 22 caches compiled code for ES modules itself (module.enableCompileCache); Node 20 cannot, but it can
// run one script with a code cache (vm.Script cachedData), so the CLI is one script.
//
//   node scripts/bundle-cli.mjs          (run by `npm run build` and `prepare`, after tsc)
//
// Packages with native parts, their own worker threads or files read by path stay outside the bundle and load from
// node_modules as before, when first imported; the format readers loaded on first use (src/core/lazy.ts) are in the
// bundle and still start on first use.
// Every `import.meta.url` in the bundle is the address of the module's own file in dist/, so paths made from it
// (the viewer's files, the e-edition's worker) are the same in the bundle as in dist.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const out = join(dist, 'cli', 'newsprint.cjs');

/** Loaded from node_modules at run time: native code, worker threads, files read by path, or rarely needed and large. */
const EXTERNAL = ['sharp', '@napi-rs/canvas', 'pdfjs-dist', 'piscina', 'bullmq', 'ioredis', 'playwright-core', 'yargs', '@cantoo/pdf-lib', 'handlebars',
  // UMD, whose factory requires its own files by relative name: the bundler cannot follow them.
  'jsonc-parser'];
/** Node's own modules (`node:zlib`, or `zlib` as packages write it): loaded from Node, when first imported. */
const BUILTIN = new Set(builtinModules);
const isBuiltin = (id) => id.startsWith('node:') || BUILTIN.has(id);
const isExternal = (id) => isBuiltin(id) || EXTERNAL.some((p) => id === p || id.startsWith(`${p}/`));

/**
 * An external package or Node module is loaded where its importer runs, not when the bundle starts: each is imported
 * through a small CommonJS module of the bundle that requires it, which the bundler initialises only when a module
 * that imports it does (a rolldown external import would be hoisted to the bundle's top and load sharp, or Node's
 * HTTP server, for a galley).
 */
const SHIM = '\0newsprint-external:';
const lazyExternalsPlugin = {
  name: 'newsprint-lazy-externals',
  resolveId(id, importer) {
    if (!isExternal(id)) return null;
    if (importer?.startsWith(SHIM)) return { id, external: true };
    return SHIM + id;
  },
  load(id) {
    if (!id.startsWith(SHIM)) return null;
    return { code: `module.exports = require(${JSON.stringify(id.slice(SHIM.length))});`, moduleType: 'js' };
  },
};

/**
 * A format reader loaded on first use (`lazyPackage('saxes')`, src/core/lazy.ts) is bundled too, and still made
 * ready only on first use: the call is given a `require` of the package, which the bundler turns into the bundled
 * copy's lazy initialisation.
 */
const lazyPackagePlugin = {
  name: 'newsprint-lazy-package',
  transform(code, id) {
    if (!id.startsWith(dist + sep) || !code.includes('lazyPackage(')) return null;
    return { code: code.replace(/\blazyPackage\((['"])([^'"]+)\1\)/g, (_, q, name) => `lazyPackage(${q}${name}${q}, () => require(${q}${name}${q}))`), map: null };
  },
};

/** import.meta.url of a module of ours, as an expression valid where the bundle runs. */
const metaUrlPlugin = {
  name: 'newsprint-import-meta-url',
  transform(code, id) {
    if (!id.startsWith(dist + sep) || !code.includes('import.meta.url')) return null;
    const rel = relative(dirname(out), id).split(sep).join('/');
    return { code: code.replaceAll('import.meta.url', `require('node:url').pathToFileURL(require('node:path').join(__dirname, ${JSON.stringify(rel)})).href`), map: null };
  },
};

/**
 * Unicode data tables that fontkit, its unicode-properties and PDFKit's linebreak build when their modules load, each by
 * inflating a compressed trie in JavaScript, are made on their first look-up instead, and inflated by Node's zlib:
 * `unicode-trie` is given to them as scripts/unicode-trie.cjs. A galley of Latin text looks up only unicode-properties'
 * table (fontkit asks every glyph's character category); fontkit's tables for Arabic, Indic and other complex scripts
 * and PDFKit's line-breaking classes (its own text layout, which newsprint does not use) are never made.
 */
const LAZY_TRIE = join(root, 'scripts', 'unicode-trie.cjs');
const lazyTriePlugin = {
  name: 'newsprint-lazy-unicode-trie',
  resolveId(id, importer) {
    if (id !== 'unicode-trie' || importer === LAZY_TRIE) return null;
    return LAZY_TRIE;
  },
};

/**
 * Modules that PDFKit imports for what a newsprint file never uses, deferred to their first call: the AES ciphers of
 * encrypted PDFs, whose tables take some 4 ms to build when the module loads. Each named export becomes a function
 * that loads the module and calls it.
 */
const DEFERRED = { '@noble/ciphers/aes': ['cbc', 'ecb'] };
const DEFER = '\0newsprint-deferred:';
const deferredPlugin = {
  name: 'newsprint-deferred',
  resolveId(id, importer) {
    if (!(id in DEFERRED) || importer?.startsWith(DEFER)) return null;
    return DEFER + id;
  },
  load(id) {
    if (!id.startsWith(DEFER)) return null;
    const name = id.slice(DEFER.length);
    const calls = DEFERRED[name].map((f) => `exports.${f} = (...args) => load().${f}(...args);`).join('\n');
    return { code: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(name)}));\n${calls}`, moduleType: 'js' };
  },
};

if (!existsSync(join(dist, 'cli', 'main.js'))) {
  console.error('bundle-cli: dist/cli/main.js is missing; run tsc first (npm run build)');
  process.exit(1);
}
const bundle = await rolldown({
  input: join(dist, 'cli', 'main.js'),
  platform: 'node',
  plugins: [lazyExternalsPlugin, lazyTriePlugin, deferredPlugin, lazyPackagePlugin, metaUrlPlugin],
  logLevel: 'warn',
});
const tmp = `${out}.${process.pid}.tmp`;
// ASCII only: a source with any character past U+00FF is held by V8 at two bytes a character (6 MB, not 3); no comments
// but the packages' licence notices.
await bundle.write({ file: tmp, format: 'cjs', codeSplitting: false, sourcemap: false, charset: 'ascii', comments: { legal: true, annotation: false, jsdoc: false } });
await bundle.close();
// The bundle's own hash names its code cache, so a cache is never used with a bundle it was not made from.
const source = readFileSync(tmp);
// bin/newsprint.js reads the bundle as Latin-1, which is only right for ASCII.
const wide = source.findIndex((b) => b > 0x7f);
if (wide >= 0) {
  console.error(`bundle-cli: the bundle has a character past ASCII at byte ${wide}: ${JSON.stringify(source.subarray(Math.max(0, wide - 40), wide + 40).toString())}`);
  process.exit(1);
}
const id = createHash('sha256').update(source).digest('hex').slice(0, 16);
// The file is already the CommonJS wrapper around the bundle, so bin/newsprint.js compiles it as it stands (wrapping it
// at run time would copy all 3 MB of it into a second string).
writeFileSync(tmp, Buffer.concat([Buffer.from(`// newsprint CLI bundle ${id}\n(function (exports, require, module, __filename, __dirname) {\n`), source, Buffer.from('\n})\n')]));
renameSync(tmp, out);
for (const f of readdirSync(join(dist, 'cli'))) if (/^newsprint\.[0-9a-f]+\.cache$/.test(f)) rmSync(join(dist, 'cli', f));

// The code cache: compiled by a galley of the sample long read, so the functions a command runs are in it.
const training = spawnSync(process.execPath, [join(root, 'bin', 'newsprint.js'), 'galley', join(root, 'examples', 'long-read', 'the-river.md'), '--out', join(dist, 'cli', `training-${process.pid}.pdf`), '--quiet'], {
  env: { ...process.env, NEWSPRINT_CODE_CACHE: 'write' },
  encoding: 'utf8',
});
rmSync(join(dist, 'cli', `training-${process.pid}.pdf`), { force: true });
if (training.status !== 0) {
  console.error(`bundle-cli: the training galley failed:\n${training.stderr}`);
  process.exit(1);
}
const cache = `newsprint.${id}.cache`;
if (!existsSync(join(dist, 'cli', cache))) {
  console.error('bundle-cli: no code cache was written');
  process.exit(1);
}
console.log(`bundle-cli: dist/cli/newsprint.cjs (${(source.length / 1e6).toFixed(1)} MB) and its code cache (${(readFileSync(join(dist, 'cli', cache)).length / 1e6).toFixed(1)} MB)`);

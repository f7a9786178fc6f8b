// Packages a command may not need, loaded the first time they are used: a galley of a Markdown story never loads the
// XML, HTML or JSON readers of the other formats (tens of milliseconds of a cold start each).
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * The package `name`, loaded on the first call (synchronously: Node ≥ 20.19 requires ES modules too). Type it with the
 * package's own types: `lazyPackage<typeof import('saxes')>('saxes')`.
 */
export function lazyPackage<T>(name: string, loader?: () => unknown): () => T {
  let loaded: T | undefined;
  // `loader` is the bundled CLI's own copy of the package (scripts/bundle-cli.mjs adds it), made ready on first use too.
  return () => (loaded ??= (loader ? loader() : load(name)) as T);
}

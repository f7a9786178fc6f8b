// Packages a command may not need, loaded the first time they are used: a galley of a Markdown story never loads the
// XML, HTML or JSON readers of the other formats (tens of milliseconds of a cold start each).
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * The package `name`, loaded on the first call (synchronously: Node ≥ 20.19 requires ES modules too). Type it with the
 * package's own types: `lazyPackage<typeof import('saxes')>('saxes')`.
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(name) as T);
}

// Writing a tree of files: shared by the staged output (publish/write.ts) and the e-edition's worker threads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes files under `root` (relative paths; '' is `root` itself as a file), making each folder once: an e-edition
 * is thousands of tiles in thousands of folders. `folders` holds the folders known to exist, and is added to.
 * Errors are the file system's, unchanged: callers that own the output word them (publish/out-path.ts).
 */
export function writeFiles(root: string, files: Iterable<readonly [string, Buffer | string]>, folders: Set<string> = new Set([root])): void {
  for (const [rel, data] of files) {
    const path = rel === '' ? root : join(root, rel);
    const folder = join(path, '..');
    if (rel !== '' && !folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(path, data);
  }
}

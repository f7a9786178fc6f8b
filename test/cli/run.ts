// Runs the newsprint CLI in-process and captures what it prints on stderr.
import { vi } from 'vitest';
import { run } from '../../src/cli/main.js';

export async function cli(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await run(args), stderr };
  } finally {
    spy.mockRestore();
  }
}

// Runs the newsprint CLI in-process and captures what it prints on stderr.
import { expect, vi } from 'vitest';
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

/** The run failed with `code`, printing one error line (hints aside) that matches `message`, and no stack trace. */
export function expectOneLine(r: { code: number; stderr: string }, code: number, message: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  const lines = r.stderr.trim().split('\n').filter((l) => !l.startsWith('  hint:'));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

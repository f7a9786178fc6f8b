// Atomic output: written under a temporary name that is this writer's alone, renamed into place, and what a killed writer left is cleared.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomically } from '../../src/publish/write.js';
import { diagnosticOf, tempDir } from '../helpers.js';

const HOST = hostname().replace(/[^A-Za-z0-9.-]+/g, '_');
/** A process id that was this machine's a moment ago and is no longer running. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

/** The files to write, looking at the parent folder while they are being written (what a reader would see then). */
function watched(parent: string, files: Record<string, string>): { files: Map<string, string>; seen: string[][] } {
  const seen: string[][] = [];
  const map = new Map(Object.entries(files));
  const entries = map[Symbol.iterator].bind(map);
  map[Symbol.iterator] = function* () {
    for (const e of entries()) {
      seen.push(readdirSync(parent).sort());
      yield e;
    }
  };
  return { files: map, seen };
}

describe('writeAtomically', () => {
  it('writes a folder under a temporary name carrying this machine, process and thread, then renames it into place', () => {
    const parent = tempDir();
    const dir = join(parent, 'edition');
    const { files, seen } = watched(parent, { 'a.txt': 'one', 'sub/b.txt': 'two' });
    writeAtomically(dir, files);
    // While writing: only the temporary folder, named for this writer, and no `edition` yet.
    expect(seen[0]).toEqual([expect.stringMatching(new RegExp(`^\\.edition\\.partial-${HOST.replace(/\./g, '\\.')}-${process.pid}-\\d+\\.\\d+$`))]);
    expect(readdirSync(parent)).toEqual(['edition']);
    expect(readFileSync(join(dir, 'sub', 'b.txt'), 'utf8')).toBe('two');
  });

  it('replaces an existing folder whole, and two writes of one process never share a temporary name', () => {
    const parent = tempDir();
    const dir = join(parent, 'edition');
    const first = watched(parent, { 'a.txt': 'old', 'gone.txt': 'x' });
    writeAtomically(dir, first.files);
    const second = watched(parent, { 'a.txt': 'new' });
    writeAtomically(dir, second.files);
    expect(readdirSync(dir)).toEqual(['a.txt']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('new');
    const staging = (s: string[][]) => s[0]!.find((n) => n.startsWith('.edition.partial-'));
    expect(staging(first.seen)).not.toBe(staging(second.seen));
    expect(readdirSync(parent)).toEqual(['edition']);
  });

  it('clears what a killed writer of this machine left, keeps a living one’s and another machine’s, and the output is whole', () => {
    const parent = tempDir();
    const dead = deadPid();
    const left = {
      deadPartial: `.edition.partial-${HOST}-${dead}-0.1`,
      deadOld: `.edition.old-${HOST}-${dead}-0.3`,
      living: `.edition.partial-${HOST}-${process.ppid}-0.1`,
      otherMachine: `.edition.partial-press-room-2-${dead}-0.1`,
      otherEdition: `.other.partial-${HOST}-${dead}-0.1`,
    };
    for (const name of Object.values(left)) {
      mkdirSync(join(parent, name));
      writeFileSync(join(parent, name, 'half.txt'), 'half-written');
    }
    writeAtomically(join(parent, 'edition'), new Map([['a.txt', 'whole']]));
    expect(readdirSync(parent).sort()).toEqual(['edition', left.living, left.otherMachine, left.otherEdition].sort());
    expect(readdirSync(join(parent, 'edition'))).toEqual(['a.txt']);
  });

  it('writes a single file the same way, and keeps refusing a folder where a file goes', () => {
    const parent = tempDir();
    const file = join(parent, 'galley.pdf');
    writeAtomically(file, new Map([['', 'pdf']]));
    expect(readFileSync(file, 'utf8')).toBe('pdf');
    expect(readdirSync(parent)).toEqual(['galley.pdf']);
    mkdirSync(join(parent, 'folder'));
    expect(diagnosticOf(() => writeAtomically(join(parent, 'folder'), new Map([['', 'x']]))).message).toMatch(/is a folder, not a file/);
    expect(existsSync(join(parent, 'folder'))).toBe(true);
  });
});

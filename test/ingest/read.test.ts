// readSourceFile: decoding, normalising and refusing files that are not UTF-8 text.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFile } from '../../src/ingest/index.js';
import { diagnosticOf, tempDir } from '../helpers.js';

describe('readSourceFile', () => {
  it('reads UTF-8 text, strips the BOM and normalises CRLF and CR to LF', () => {
    const dir = tempDir({ 'a.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('One\r\nTwo\rThree ‘quoted’\n')]) });
    const { file, text } = readSourceFile(join(dir, 'a.txt'));
    expect(file).toBe(join(dir, 'a.txt'));
    expect(text).toBe('One\nTwo\nThree ‘quoted’\n');
  });

  it('refuses a missing file, naming it', () => {
    const path = join(tempDir(), 'nope.txt');
    const d = diagnosticOf(() => readSourceFile(path));
    expect(d.code).toBe('ingest/missing-file');
    expect(d.span?.file).toBe(path);
    expect(d.printed).toContain(path);
    expect(d.printed.split('\n')).toHaveLength(1);
  });

  it('refuses a directory', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'stories'));
    const d = diagnosticOf(() => readSourceFile(join(dir, 'stories')));
    expect(d.code).toBe('ingest/not-a-file');
    expect(d.message).toContain('directory');
  });

  it('refuses an empty file', () => {
    const dir = tempDir({ 'empty.md': '' });
    expect(diagnosticOf(() => readSourceFile(join(dir, 'empty.md'))).code).toBe('ingest/empty-file');
  });

  it('refuses a whitespace-only file, no-break spaces included', () => {
    const dir = tempDir({ 'blank.txt': ' \n\t\n\u00a0\r\n' });
    const d = diagnosticOf(() => readSourceFile(join(dir, 'blank.txt')));
    expect(d.code).toBe('ingest/blank-file');
    expect(d.span?.file).toBe(join(dir, 'blank.txt'));
  });

  it('points at the first NUL byte of a text file with a stray one: its line and column', () => {
    const dir = tempDir({ 'nul.md': Buffer.concat([Buffer.from('---\nheadline: A\n---\n\nFirst para.\n\nSecond'), Buffer.from([0]), Buffer.from(' para.\n')]) });
    const d = diagnosticOf(() => readSourceFile(join(dir, 'nul.md')));
    expect(d.code).toBe('ingest/binary-file');
    expect(d.printed).toMatch(/nul\.md:7:7: error: file is binary, not text: a NUL byte \(0x00\)/);
  });

  it('refuses a binary file with NUL bytes (a PNG)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const dir = tempDir({ 'photo.txt': png });
    expect(diagnosticOf(() => readSourceFile(join(dir, 'photo.txt'))).code).toBe('ingest/binary-file');
  });

  it('refuses a file of mostly control characters, and hints at UTF-16', () => {
    const dir = tempDir({ 'ctl.txt': new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 2 ? 0x41 : 0x01))) });
    expect(diagnosticOf(() => readSourceFile(join(dir, 'ctl.txt'))).code).toBe('ingest/binary-file');
    const utf16 = tempDir({ 'u16.txt': new Uint8Array([0xff, 0xfe, 0x48, 0, 0x69, 0]) });
    const d = diagnosticOf(() => readSourceFile(join(utf16, 'u16.txt')));
    expect(d.hints?.join(' ')).toMatch(/UTF-16/);
  });

  it('refuses invalid UTF-8 at the line and column of the first bad byte', () => {
    // Line 2 is "Café" in Windows-1252: the é is byte 0xE9, the 4th character.
    const bytes = new Uint8Array([...Buffer.from('Headline “ok”\nCaf'), 0xe9, ...Buffer.from('\nmore\n')]);
    const dir = tempDir({ 'latin1.txt': bytes });
    const d = diagnosticOf(() => readSourceFile(join(dir, 'latin1.txt')));
    expect(d.code).toBe('ingest/invalid-utf8');
    expect(d.span).toMatchObject({ line: 2, col: 4 });
    expect(d.message).toContain('0xe9');
  });

  it('counts columns in characters when valid multi-byte text precedes the bad byte', () => {
    const bytes = new Uint8Array([...Buffer.from('“A” – '), 0xc3, 0x28]); // 0xC3 0x28: bad continuation
    const dir = tempDir({ 'bad.txt': bytes });
    expect(diagnosticOf(() => readSourceFile(join(dir, 'bad.txt'))).span).toMatchObject({ line: 1, col: 7 });
  });
});

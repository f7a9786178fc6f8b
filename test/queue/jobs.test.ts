// The queue's contract without Redis: paths relative to the shared folder, jobs checked as workers take them, Redis addresses, failures shown with this machine's paths.
import { describe, expect, it } from 'vitest';
import { parseQueueAddress } from '../../src/queue/connection.js';
import { rebaseMessage } from '../../src/queue/client.js';
import { invalidJob, JOB_OPTIONS, LOCK_DURATION_MS, nameOrRootPath, rootRelative, STALLED_INTERVAL_MS } from '../../src/queue/jobs.js';
import { diagnosticOf } from '../helpers.js';

const job = { version: 1, edition: 'editions/courier.yaml', out: 'output', template: 'tabloid', plant: 'uk-tabloid', proof: false, allowOverset: false };

describe('paths in jobs', () => {
  it('are relative to the shared folder, whatever the working folder; outside it they are refused', () => {
    expect(rootRelative('editions/a.yaml', '/srv/np', 'edition file', '/srv/np')).toBe('editions/a.yaml');
    expect(rootRelative('../editions/a.yaml', '/srv/np', 'edition file', '/srv/np/output')).toBe('editions/a.yaml');
    expect(rootRelative('/srv/np/output', '/srv/np', '--out', '/home/me')).toBe('output');
    expect(rootRelative('.', '/srv/np', '--out', '/srv/np')).toBe('.');
    const d = diagnosticOf(() => rootRelative('/srv/np-old/a.yaml', '/srv/np', 'edition file', '/'));
    expect(d.printed).toBe('error: edition file /srv/np-old/a.yaml is outside the shared folder /srv/np\n  hint: workers see only the shared folder (--root): put the file there, or give --root a folder that holds it');
  });

  it('keep a template or plant name as a name, and make a path one the worker still reads as a path', () => {
    expect(nameOrRootPath('tabloid', false, '/srv/np', '--template', '/srv/np')).toBe('tabloid');
    expect(nameOrRootPath('mine', true, '/srv/np', '--template', '/srv/np/templates')).toBe('./templates/mine');
    expect(nameOrRootPath('./plants/ours.yaml', true, '/srv/np', '--plant', '/srv/np')).toBe('./plants/ours.yaml');
  });
});

describe('a job as a worker takes it', () => {
  it('is refused, with the reason, when it is of another version, names a path outside the folder, or lacks a field', () => {
    expect(invalidJob(job)).toBeUndefined();
    expect(invalidJob({ ...job, template: './templates/mine', plant: './ours.yaml' })).toBeUndefined();
    expect(invalidJob({ ...job, version: 2 })).toMatch(/^the job is of version 2, and this worker reads version 1: run the same newsprint version/);
    expect(invalidJob({ ...job, edition: '/etc/passwd' })).toBe('the job\'s edition path "/etc/passwd" is not inside the shared folder');
    expect(invalidJob({ ...job, out: '../../elsewhere' })).toBe('the job\'s out path "../../elsewhere" is not inside the shared folder');
    expect(invalidJob({ ...job, template: '../templates' })).toBe('the job\'s template path "../templates" is not inside the shared folder');
    expect(invalidJob({ ...job, proof: 'yes' })).toBe('the job has no proof or allowOverset flag');
    expect(invalidJob(null)).toBe('the job carries no build');
  });

  it('is tried 3 times with backoff when it crashes, and a dead worker’s lock runs out within seconds', () => {
    expect(JOB_OPTIONS.attempts).toBe(3);
    expect(JOB_OPTIONS.backoff).toEqual({ type: 'exponential', delay: 2_000 });
    expect(STALLED_INTERVAL_MS).toBeLessThan(LOCK_DURATION_MS);
    expect(LOCK_DURATION_MS + 2 * STALLED_INTERVAL_MS).toBeLessThanOrEqual(15_000);
  });
});

describe('Redis addresses', () => {
  it('take redis:// and rediss:// with a host, port, password and database, and hide the password in messages', () => {
    expect(parseQueueAddress('redis://127.0.0.1:6379').shown).toBe('redis://127.0.0.1:6379');
    expect(parseQueueAddress('rediss://user:s3cret@redis.example:6380/2').shown).toBe('rediss://user:***@redis.example:6380/2');
  });

  it('refuse anything else naming the option', () => {
    for (const bad of ['127.0.0.1:6379', 'http://127.0.0.1:6379', 'redis://', 'redis://host:6379/queue', 'redis://host:6379?db=1']) {
      expect(diagnosticOf(() => parseQueueAddress(bad)).printed).toMatch(new RegExp(`^error: --queue ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a Redis address\\n {2}hint: give redis://HOST:PORT`));
    }
  });
});

describe('a failure from a worker', () => {
  it('names files as this machine sees them: relative to the working folder, or absolute outside it', () => {
    const text = 'editions/bad.yaml:5:7: error: edition file: date must be a real date\n  hint: write YYYY-MM-DD\nstories/x.md:3:1: warning: something';
    expect(rebaseMessage(text, '/mnt/np', '/mnt/np')).toBe(text);
    expect(rebaseMessage(text, '/mnt/np', '/mnt/np/editions')).toBe('bad.yaml:5:7: error: edition file: date must be a real date\n  hint: write YYYY-MM-DD\n/mnt/np/stories/x.md:3:1: warning: something');
    expect(rebaseMessage('newsprint: error: output/x: no space left on the disk', '/mnt/np', '/home/me')).toBe('newsprint: error: /mnt/np/output/x: no space left on the disk');
    expect(rebaseMessage('/abs/file.md:1:1: error: x', '/mnt/np', '/home/me')).toBe('/abs/file.md:1:1: error: x');
  });
});

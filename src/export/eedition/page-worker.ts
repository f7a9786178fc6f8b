// A worker thread of the e-edition's page pool (piscina): one page's files per task (page-files.ts).
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import type { FontFace, FontSet } from '../../core/index.js';
import { pageFiles, type PageJob, type PageOutput } from './page-files.js';

/** A page task: the job, and the font files its runs use (each opened once per thread). */
export interface PageTask {
  readonly job: PageJob;
  readonly fonts: readonly { readonly id: string; readonly file: string }[];
}

const opened = new Map<string, fontkit.Font>();

function face(id: string, file: string): FontFace {
  let font = opened.get(file);
  if (!font) opened.set(file, (font = fontkit.create(readFileSync(file)) as fontkit.Font));
  return { id, file, font };
}

/** Buffers come over as plain Uint8Arrays: sharp and the canvas want Buffers again. */
const buffer = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

export default async function renderPage(task: PageTask): Promise<PageOutput> {
  const fonts: FontSet = new Map(task.fonts.map((f) => [f.id, face(f.id, f.file)]));
  const job: PageJob = { ...task.job, images: task.job.images.map((a) => ({ ...a, data: buffer(a.data) })) };
  return pageFiles(job, fonts);
}

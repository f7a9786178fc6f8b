// The issue as METS 1.12 (docs/archive.md): MODS for the issue and its articles, the files with their checksums, the
// pages in order, and each article as the blocks of the pages' ALTO that hold it — one article, however many pages.
import type { TextRole } from '../../core/index.js';
import type { AltoAdvert, AltoArticle, AltoBlockRef } from './alto.js';
import type { ArchiveFile } from './files.js';
import { attrs, esc } from './xml.js';

const METS_NS = 'http://www.loc.gov/METS/';
const MODS_NS = 'http://www.loc.gov/mods/v3';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const SCHEMAS = `${METS_NS} http://www.loc.gov/standards/mets/mets.xsd ${MODS_NS} http://www.loc.gov/standards/mods/v3/mods-3-8.xsd`;

/** The issue as MODS describes it. */
export interface MetsIssue {
  /** The edition's slug: the METS OBJID. */
  readonly id: string;
  /** The paper's name. */
  readonly title: string;
  /** ISO date. */
  readonly date: string;
  /** The date as the folio writes it ("Thursday, 26 November 2026"), for labels. */
  readonly dateLong: string;
  readonly issue?: number;
  readonly publisher: string;
}

/** A page of the e-edition for archives: its image and ALTO (paths relative to the e-edition folder) and what the ALTO holds. */
export interface PageArchive {
  readonly number: number;
  /** "Page 1: News". */
  readonly label: string;
  /** The full-size page image the ALTO describes. */
  readonly image: ArchiveFile;
  readonly alto: ArchiveFile;
  readonly articles: readonly AltoArticle[];
  readonly adverts: readonly AltoAdvert[];
}

/** A page as the METS lists it: its files relative to mets.xml, the plant's PDF of the page among them. */
export interface MetsPage extends PageArchive {
  readonly pdf: ArchiveFile;
}

export interface MetsArticle {
  readonly headline: string;
  /** The byline's name. */
  readonly byline?: string;
}

export interface MetsInput {
  readonly issue: MetsIssue;
  readonly pages: readonly MetsPage[];
  /** The plant's PDF of the whole edition. */
  readonly editionPdf: ArchiveFile;
  /** What the articles on the pages are, by id. */
  readonly articles: ReadonlyMap<string, MetsArticle>;
}

/** The parts of an article in the logical map, by the roles of its blocks. */
const PART: Record<TextRole, 'HEADING' | 'AUTHOR' | 'BODY' | 'ILLUSTRATION'> = {
  Kicker: 'HEADING',
  H1: 'HEADING',
  Standfirst: 'HEADING',
  Byline: 'AUTHOR',
  P: 'BODY',
  H2: 'BODY',
  BlockQuote: 'BODY',
  L: 'BODY',
  Figure: 'ILLUSTRATION',
  Caption: 'ILLUSTRATION',
  Credit: 'ILLUSTRATION',
};

const pad = (n: number) => String(n).padStart(5, '0');
const pageFile = (kind: string, n: number) => `${kind}${pad(n)}`;

/**
 * The issue's METS, in the shape of the Europeana Newspapers METS/ALTO profile (ENMAP): a MODS record for the issue
 * (title, date issued, issue number, publisher, language) and one per article (headline, byline); the files in
 * three groups — page images, ALTO, plant PDFs — each with its size and SHA-256; a physical map (the issue, then its
 * pages in order, each pointing at its image, ALTO and PDF); and a logical map (the issue, its articles in order of
 * first appearance, and its adverts), where each article's heading, byline, body and illustrations point at the
 * ALTO blocks that hold them (`area` with BETYPE IDREF and BEGIN the block's ID) on every page it is on, so a story
 * that jumps is one article. Deterministic: IDs are counts in document order.
 */
export function metsDocument(m: MetsInput): string {
  const { issue } = m;
  const label = `${issue.title}, ${issue.dateLong}${issue.issue !== undefined ? `, issue ${issue.issue}` : ''}`;
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<mets:mets xmlns:mets="${METS_NS}" xmlns:mods="${MODS_NS}" xmlns:xlink="${XLINK_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${attrs({ 'xsi:schemaLocation': SCHEMAS, OBJID: issue.id, TYPE: 'Newspaper', LABEL: label })}>`,
    '  <mets:metsHdr>',
    '    <mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">',
    '      <mets:name>newsprint</mets:name>',
    '      <mets:note>Pages, ALTO and plant files made from one layout; the ALTO comes from the layout, not OCR.</mets:note>',
    '    </mets:agent>',
    '  </mets:metsHdr>',
  ];

  // 1. Descriptive metadata: the issue, then each article in the order it first appears.
  const order = articleOrder(m.pages);
  out.push(...dmd('MODSMD_ISSUE1', 'Issue', issueMods(issue)));
  order.forEach((id, i) => {
    const a = m.articles.get(id);
    out.push(...dmd(`MODSMD_ARTICLE${i + 1}`, 'Article', articleMods(a?.headline ?? id, a?.byline)));
  });

  // 2. The files: page images, ALTO, plant PDFs.
  const file = (fileId: string, f: ArchiveFile) => [
    `      <mets:file${attrs({ ID: fileId, MIMETYPE: f.mimetype, SIZE: f.size, CHECKSUM: f.sha256, CHECKSUMTYPE: 'SHA-256' })}>`,
    `        <mets:FLocat${attrs({ LOCTYPE: 'URL', 'xlink:href': f.href })}/>`,
    '      </mets:file>',
  ];
  out.push('  <mets:fileSec>');
  out.push('    <mets:fileGrp ID="IMGGRP" USE="Images">', ...m.pages.flatMap((p) => file(pageFile('IMG', p.number), p.image)), '    </mets:fileGrp>');
  out.push('    <mets:fileGrp ID="ALTOGRP" USE="Content">', ...m.pages.flatMap((p) => file(pageFile('ALTO', p.number), p.alto)), '    </mets:fileGrp>');
  out.push('    <mets:fileGrp ID="PDFGRP" USE="Print">', ...file('PDF_EDITION', m.editionPdf), ...m.pages.flatMap((p) => file(pageFile('PDF', p.number), p.pdf)), '    </mets:fileGrp>');
  out.push('  </mets:fileSec>');

  // 3. Physical structure: the issue and its pages.
  out.push('  <mets:structMap TYPE="PHYSICAL" LABEL="Physical structure">');
  out.push(`    <mets:div${attrs({ ID: 'DIVP0', TYPE: 'Newspaper', LABEL: label })}>`, '      <mets:fptr FILEID="PDF_EDITION"/>');
  for (const p of m.pages) {
    out.push(`      <mets:div${attrs({ ID: `DIVP${p.number}`, TYPE: 'PAGE', ORDER: p.number, ORDERLABEL: String(p.number), LABEL: p.label })}>`);
    for (const kind of ['IMG', 'ALTO', 'PDF']) out.push(`        <mets:fptr FILEID="${pageFile(kind, p.number)}"/>`);
    out.push('      </mets:div>');
  }
  out.push('    </mets:div>', '  </mets:structMap>');

  // 4. Logical structure: the issue, its articles (each across all its pages) and its adverts.
  let div = 0;
  const divId = () => `DIVL${++div}`;
  out.push('  <mets:structMap TYPE="LOGICAL" LABEL="Logical structure">');
  out.push(`    <mets:div${attrs({ ID: divId(), TYPE: 'Newspaper', LABEL: issue.title })}>`);
  out.push(`      <mets:div${attrs({ ID: divId(), TYPE: 'ISSUE', DMDID: 'MODSMD_ISSUE1', LABEL: label })}>`);
  let n = 0;
  order.forEach((id, i) => {
    out.push(`        <mets:div${attrs({ ID: divId(), TYPE: 'ARTICLE', DMDID: `MODSMD_ARTICLE${i + 1}`, LABEL: m.articles.get(id)?.headline ?? id, ORDER: ++n })}>`);
    for (const part of articleParts(m.pages, id)) {
      out.push(`          <mets:div${attrs({ ID: divId(), TYPE: part.type })}>`, '            <mets:fptr>', '              <mets:seq>');
      for (const a of part.areas) out.push(`                <mets:area${attrs({ FILEID: a.file, BEGIN: a.begin, BETYPE: 'IDREF' })}/>`);
      out.push('              </mets:seq>', '            </mets:fptr>', '          </mets:div>');
    }
    out.push('        </mets:div>');
  });
  for (const p of m.pages) {
    for (const ad of p.adverts) {
      out.push(`        <mets:div${attrs({ ID: divId(), TYPE: 'ADVERTISEMENT', LABEL: ad.name, ORDER: ++n })}>`);
      out.push('          <mets:fptr>', `            <mets:area${attrs({ FILEID: pageFile('ALTO', p.number), BEGIN: ad.id, BETYPE: 'IDREF' })}/>`, '          </mets:fptr>', '        </mets:div>');
    }
  }
  out.push('      </mets:div>', '    </mets:div>', '  </mets:structMap>', '</mets:mets>', '');
  return out.join('\n');
}

/** Articles in the order they first appear: page by page, in each page's order. */
function articleOrder(pages: readonly MetsPage[]): string[] {
  const seen = new Set<string>();
  for (const p of pages) for (const a of p.articles) seen.add(a.article);
  return [...seen];
}

/**
 * An article's parts on all its pages, each with its ALTO blocks in reading order: heading (kicker, headline,
 * standfirst — on a continuation its jump head), author (byline), body (paragraphs, crossheads, quotes, lists) and
 * one illustration per photo (with its caption and credit), in the order their first block comes in the story.
 */
function articleParts(pages: readonly MetsPage[], article: string): { type: string; areas: { file: string; begin: string }[] }[] {
  const parts = new Map<string, { type: string; first: number; areas: { file: string; begin: string }[] }>();
  for (const p of pages) {
    for (const a of p.articles) {
      if (a.article !== article) continue;
      for (const b of a.blocks as readonly AltoBlockRef[]) {
        const type = PART[b.role];
        const key = type === 'ILLUSTRATION' ? `${type}/${b.block}` : type;
        let part = parts.get(key);
        if (!part) parts.set(key, (part = { type, first: b.block, areas: [] }));
        part.first = Math.min(part.first, b.block);
        part.areas.push({ file: pageFile('ALTO', p.number), begin: b.id });
      }
    }
  }
  return [...parts.values()].sort((a, b) => a.first - b.first);
}

/** A MODS record in a dmdSec. */
function dmd(id: string, label: string, mods: string[]): string[] {
  return [
    `  <mets:dmdSec${attrs({ ID: id })}>`,
    `    <mets:mdWrap${attrs({ MDTYPE: 'MODS', MIMETYPE: 'text/xml', LABEL: label })}>`,
    '      <mets:xmlData>',
    '        <mods:mods>',
    ...mods.map((l) => `          ${l}`),
    '        </mods:mods>',
    '      </mets:xmlData>',
    '    </mets:mdWrap>',
    '  </mets:dmdSec>',
  ];
}

function issueMods(issue: MetsIssue): string[] {
  return [
    `<mods:titleInfo><mods:title>${esc(issue.title)}</mods:title></mods:titleInfo>`,
    '<mods:typeOfResource>text</mods:typeOfResource>',
    '<mods:genre authority="marcgt">newspaper</mods:genre>',
    '<mods:originInfo>',
    `  <mods:publisher>${esc(issue.publisher)}</mods:publisher>`,
    `  <mods:dateIssued encoding="iso8601" keyDate="yes">${esc(issue.date)}</mods:dateIssued>`,
    '  <mods:issuance>serial</mods:issuance>',
    '</mods:originInfo>',
    '<mods:language><mods:languageTerm type="code" authority="rfc5646">en-GB</mods:languageTerm></mods:language>',
    ...(issue.issue !== undefined ? [`<mods:part><mods:detail type="issue"><mods:number>${issue.issue}</mods:number></mods:detail></mods:part>`] : []),
  ];
}

function articleMods(headline: string, byline: string | undefined): string[] {
  return [
    `<mods:titleInfo><mods:title>${esc(headline)}</mods:title></mods:titleInfo>`,
    ...(byline ? [`<mods:name><mods:displayForm>${esc(byline)}</mods:displayForm><mods:role><mods:roleTerm type="code" authority="marcrelator">aut</mods:roleTerm></mods:role></mods:name>`] : []),
    '<mods:typeOfResource>text</mods:typeOfResource>',
    '<mods:genre>article</mods:genre>',
    '<mods:language><mods:languageTerm type="code" authority="rfc5646">en-GB</mods:languageTerm></mods:language>',
  ];
}

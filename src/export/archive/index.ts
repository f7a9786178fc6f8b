// export/archive: the e-edition's files for libraries — ALTO 4 per page (from the page's frame) and the issue's METS.
export { altoPage, ALTO_NS, type AltoArticle, type AltoAdvert, type AltoBlockRef, type AltoOptions, type AltoPage } from './alto.js';
export { metsDocument, type MetsArticle, type MetsInput, type MetsIssue, type MetsPage, type PageArchive } from './mets.js';
export { archiveFile, under, type ArchiveFile } from './files.js';
export { pageText, type TextBlock, type TextLine, type Word } from './page-text.js';

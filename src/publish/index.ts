// publish: the build pipeline and the files it writes under output/.
export { buildEdition, rebuildEEdition, prepare, imageRequests, type BuildOptions, type BuildResult, type Prepared } from './build.js';
export { writeAtomically } from './write.js';
export { editionFromArticles, editionFromFile } from './edition.js';
export { loadFontFile, loadFonts, loadImages, type ImageRequest } from './assets.js';

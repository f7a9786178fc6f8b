// publish: the build pipeline and the files it writes under output/.
export { buildEdition, imageRequests, writeAtomically, type BuildOptions, type BuildResult } from './build.js';
export { editionFromArticles, editionFromFile } from './edition.js';
export { loadFontFile, loadFonts, loadImages, type ImageRequest } from './assets.js';

// export/raster: laid-out pages → e-edition images (Page → Skia → sharp). The only importer of sharp for page images.
export { renderPage, rasterisePage } from './render.js';
export type { PagePixels, RasterFormat, RasterImage, RenderOptions, RenderedPage } from './render.js';
export { pagePixelSize } from './render.js';
export type { RasteriseOptions } from './render.js';
export type { ScreenColour } from './paint.js';
export { cmykToSrgb, cmykToHex, K_SOLID_REFLECTANCE } from './color.js';
export type { Srgb } from './color.js';

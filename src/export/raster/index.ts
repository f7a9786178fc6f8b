// export/raster: laid-out pages → e-edition images (Page → SVG → sharp). The only importer of sharp for page images.
export { renderPage, rasterisePage } from './render.js';
export type { PagePixels, RasterFormat, RasterImage, RenderOptions, RenderedPage } from './render.js';
export type { ScreenColour } from './draw.js';
export { pageToSvg, pagePixelSize } from './svg.js';
export type { SvgOptions } from './svg.js';
export { cmykToSrgb, cmykToHex, K_SOLID_REFLECTANCE } from './color.js';
export type { Srgb } from './color.js';

// core: units, geometry, diagnostics and the types shared by every stage. Imports nothing of ours.
export * from './span.js';
export * from './units.js';
export * from './geometry.js';
export * from './dates.js';
export * from './color.js';
export * from './article.js';
export * from './frame.js';
export * from './assets.js';
export * from './edition.js';
export * from './style.js';

// The photos and image adverts a benchmark's pages (and overmatter) place, loaded as the build loads them before layout.
/**
 * Loads every photo the markup roots place and every JPEG, PNG or TIFF advert they book. `loadImages` and
 * `imageRequests` come from the compiled publish module.
 */
export async function layoutImages(roots, { loadImages, imageRequests }) {
  const adImages = [];
  const walk = (el) => {
    if (el.kind === 'advert' && /\.(jpe?g|png|tiff?)$/i.test(el.attrs.file)) adImages.push({ file: el.attrs.file, src: el.src });
    for (const c of el.children) if (c.kind !== '#text') walk(c);
  };
  for (const r of roots) walk(r);
  return loadImages([...roots.flatMap((r) => imageRequests(r)), ...adImages]);
}

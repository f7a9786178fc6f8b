// How many stories a page's pagination weighs: eight on a tabloid type area, more on a larger page in proportion.
import { describe, expect, it } from 'vitest';
import { maxStoriesFor } from '../../../src/layout/compose/index.js';
import { typeArea } from '../../../src/layout/geometry.js';
import { loadPlant, plantGeometry } from '../../../src/plant/index.js';

const areaOf = (plant: string) => typeArea(plantGeometry(loadPlant(plant)), 1);

describe('stories a page weighs', () => {
  it('is 8 on the tabloid, 9 on the Berliner and 15 on the broadsheet: in proportion to the type area', () => {
    expect(maxStoriesFor(areaOf('uk-tabloid'))).toBe(8);
    expect(maxStoriesFor(areaOf('berliner'))).toBe(9);
    expect(maxStoriesFor(areaOf('broadsheet'))).toBe(15);
  });

  it('is never fewer than 8, however small the page', () => {
    const a = areaOf('uk-tabloid');
    expect(maxStoriesFor({ w: a.w / 2, h: a.h / 2 })).toBe(8);
  });
});

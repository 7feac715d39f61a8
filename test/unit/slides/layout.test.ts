import { describe, expect, it } from 'vitest';
import { type Box, fitInside, PAGE, slideBoxes, svgAspect } from '../../../electron/services/slides/layout';
import type { Slide } from '../../../shared/slides';

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('slideBoxes', () => {
  const parts = {
    headline: { headline: '−28% multiply-adds' },
    caption: { caption: '- one\n- two\n- three' },
    table: { table: { header: ['a'], rows: [[1]] } },
    chart: { chart: { title: 'c', categories: ['x'], series: [{ name: 's', values: [1] }], yLabel: 'y' } },
    pictureSvg: { pictureSvg: '<svg viewBox="0 0 10 10"/>' },
  };
  const keys = Object.keys(parts) as (keyof typeof parts)[];
  // Every combination of the optional parts, 2^5 slides.
  const slides = Array.from(
    { length: 1 << keys.length },
    (_, mask) =>
      Object.assign({ title: 'Title' }, ...keys.filter((_k, i) => mask & (1 << i)).map((k) => parts[k])) as Slide,
  );

  it.each(slides.map((s) => [Object.keys(s).join(' + '), s] as const))(
    'lays out %s on the page without overlaps',
    (_, slide) => {
      const boxes = Object.entries(slideBoxes(slide)) as [string, Box][];
      const expected = ['title', ...keys.filter((k) => k in slide).map((k) => (k === 'pictureSvg' ? 'picture' : k))];
      expect(boxes.map(([k]) => k).sort()).toEqual(expected.sort());
      for (const [name, b] of boxes) {
        expect(b.x, name).toBeGreaterThanOrEqual(0);
        expect(b.y, name).toBeGreaterThanOrEqual(0);
        expect(b.x + b.w, name).toBeLessThanOrEqual(PAGE.w + 1e-9);
        expect(b.y + b.h, name).toBeLessThanOrEqual(PAGE.h + 1e-9);
        expect(b.h, name).toBeGreaterThan(0.4);
      }
      for (const [i, [na, a]] of boxes.entries()) {
        for (const [nb, b] of boxes.slice(i + 1)) expect(overlap(a, b), `${na} / ${nb}`).toBe(false);
      }
    },
  );
});

describe('pictures keep their proportions', () => {
  it('reads the aspect from viewBox, else width and height', () => {
    expect(svgAspect('<svg viewBox="0 0 400 200">')).toBe(2);
    expect(svgAspect('<svg width="300" height="600">')).toBe(0.5);
  });

  it('fits and centres inside a box', () => {
    expect(fitInside({ x: 0, y: 0, w: 4, h: 1 }, 2)).toEqual({ x: 1, y: 0, w: 2, h: 1 });
    expect(fitInside({ x: 0, y: 0, w: 2, h: 4 }, 2)).toEqual({ x: 0, y: 1.5, w: 2, h: 1 });
  });
});

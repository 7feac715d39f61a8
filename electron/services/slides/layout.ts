import type { Slide } from '../../../shared/slides';

/** Inches on a 16:9 slide (PowerPoint's default widescreen, 10 × 5.625 in). */
export const PAGE = { w: 10, h: 5.625, margin: 0.45 } as const;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SlideBoxes {
  title: Box;
  headline?: Box;
  picture?: Box;
  chart?: Box;
  table?: Box;
  caption?: Box;
}

const GAP = 0.2;

/**
 * Where each part of a slide goes: title on top, then the headline, then the visuals
 * (picture, chart, table) side by side, the caption as a strip below them or, without
 * visuals, filling the page. A title-only slide (the deck's first) is centred.
 */
export function slideBoxes(slide: Slide): SlideBoxes {
  const width = PAGE.w - 2 * PAGE.margin;
  const x = PAGE.margin;
  const visuals = (['picture', 'chart', 'table'] as const).filter((k) =>
    k === 'picture' ? slide.pictureSvg : slide[k],
  );
  if (visuals.length === 0 && slide.headline) {
    return {
      title: { x, y: 0.9, w: width, h: 1.1 },
      headline: { x, y: 2.0, w: width, h: 0.8 },
      ...(slide.caption ? { caption: { x: x + 0.5, y: 3.0, w: width - 1, h: 2.1 } } : {}),
    };
  }
  const title: Box = { x, y: 0.25, w: width, h: 0.75 };
  let top = title.y + title.h + 0.05;
  const boxes: SlideBoxes = { title };
  if (slide.headline) {
    boxes.headline = { x, y: top, w: width, h: 0.55 };
    top += 0.6;
  }
  const bottom = PAGE.h - 0.3;
  if (visuals.length === 0) {
    if (slide.caption) boxes.caption = { x, y: top, w: width, h: bottom - top };
    return boxes;
  }
  const captionHeight = slide.caption ? Math.min(1.25, 0.15 + 0.32 * slide.caption.split('\n').length) : 0;
  if (slide.caption) boxes.caption = { x, y: bottom - captionHeight, w: width, h: captionHeight };
  const h = bottom - top - (slide.caption ? captionHeight + GAP : 0);
  // A picture takes the left half; a chart and a table beside it share the right half, one above the other.
  const [first, ...rest] = visuals;
  if (rest.length === 0) {
    boxes[first!] = { x, y: top, w: width, h };
    return boxes;
  }
  const half = (width - GAP) / 2;
  boxes[first!] = { x, y: top, w: half, h };
  // A chart needs more height than a short table to stay legible.
  const weight = (k: (typeof rest)[number]) => (k === 'chart' ? 1.4 : 1);
  const total = rest.reduce((s, k) => s + weight(k), 0);
  let y = top;
  for (const k of rest) {
    const share = ((h - GAP * (rest.length - 1)) * weight(k)) / total;
    boxes[k] = { x: x + half + GAP, y, w: half, h: share };
    y += share + GAP;
  }
  return boxes;
}

/** The SVG's own aspect ratio (viewBox, else width/height), to fit it without stretching. */
export function svgAspect(svg: string): number {
  const viewBox = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(svg);
  if (viewBox) return Number(viewBox[1]) / Number(viewBox[2]) || 1;
  const w = /\swidth\s*=\s*["']([\d.]+)/.exec(svg);
  const h = /\sheight\s*=\s*["']([\d.]+)/.exec(svg);
  return w && h ? Number(w[1]) / Number(h[1]) || 1 : 4 / 3;
}

/** The largest box of the given aspect ratio inside `box`, centred. */
export function fitInside(box: Box, aspect: number): Box {
  const w = Math.min(box.w, box.h * aspect);
  const h = w / aspect;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

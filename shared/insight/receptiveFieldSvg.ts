import { xmlText } from '../text';
import { clipToImage, type FieldGeometry, offImage, type Rect } from './receptiveFieldGeometry';
import { sampleImageSvg } from './sampleImage';

/**
 * The receptive-field view as SVG text, in input-pixel units (the view box is the image plus
 * every frame's field, so stepping through the frames never rescales): the picture or the
 * input grid, earlier frames' fields as dashed outlines, the current field with the part off
 * the image hatched (padding: zeros, no picture), the layer's taps (hollow where they read
 * padding) and the effective centre. Elements carry data-part so tests read what is drawn.
 */
export type FieldBackground = { kind: 'sample' } | { kind: 'grid' } | { kind: 'image'; href: string };

export interface FieldSvgOptions {
  /** Index into geometry.path; the last (the node itself) by default. */
  frame?: number;
  background?: FieldBackground;
  /** Distinguishes the pattern ids of two views on one page. */
  idPrefix?: string;
  /** 'image' (default): the whole image and every field; 'field': close around the fields. */
  fit?: FieldFit;
}

export type FieldFit = 'image' | 'field';

/** A data URL of a picture; anything else (a path, a script URL) is refused before it reaches SVG. */
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|bmp);base64,[A-Za-z0-9+/]+={0,2}$/;

export const isImageDataUrl = (href: string) => DATA_IMAGE.test(href);

const n = (v: number) => String(Math.round(v * 1000) / 1000);
const rect = (r: Rect, attrs: string) =>
  `<rect x="${n(r.left)}" y="${n(r.top)}" width="${n(r.width)}" height="${n(r.height)}" ${attrs}/>`;

/**
 * The view box: the image and every frame's region, with a margin; or, fitted to the field,
 * every frame's region with as much of the surroundings again as the widest field.
 */
export function fieldViewBox(g: FieldGeometry, fit: FieldFit = 'image'): Rect {
  const whole = fit === 'image';
  let top = whole ? 0 : Number.POSITIVE_INFINITY;
  let left = whole ? 0 : Number.POSITIVE_INFINITY;
  let bottom = whole ? g.image[0] : Number.NEGATIVE_INFINITY;
  let right = whole ? g.image[1] : Number.NEGATIVE_INFINITY;
  for (const f of g.path) {
    top = Math.min(top, f.region.top);
    left = Math.min(left, f.region.left);
    bottom = Math.max(bottom, f.region.top + f.region.height);
    right = Math.max(right, f.region.left + f.region.width);
  }
  const margin = whole
    ? Math.max(1, 0.04 * Math.max(bottom - top, right - left))
    : Math.max(2, bottom - top, right - left) / 2;
  return {
    top: top - margin,
    left: left - margin,
    height: bottom - top + 2 * margin,
    width: right - left + 2 * margin,
  };
}

function grid(h: number, w: number, u: number): string {
  // Pixel lines while they stay apart; every tenth pixel on large inputs.
  const every = Math.max(h, w) <= 64 ? 1 : 10;
  const lines: string[] = [];
  for (let y = every; y < h; y += every) lines.push(`M0 ${y}H${w}`);
  for (let x = every; x < w; x += every) lines.push(`M${x} 0V${h}`);
  return `<path data-part="grid" d="${lines.join('')}" stroke="#000" stroke-opacity="0.18" stroke-width="${n(u)}" fill="none"/>`;
}

function background(g: FieldGeometry, bg: FieldBackground, u: number): string {
  const [h, w] = g.image;
  if (bg.kind === 'image' && isImageDataUrl(bg.href)) {
    return `<image data-part="picture" href="${xmlText(bg.href)}" x="0" y="0" width="${w}" height="${h}" preserveAspectRatio="none"/>${Math.max(h, w) <= 64 ? grid(h, w, u) : ''}`;
  }
  if (bg.kind === 'grid') return `<rect x="0" y="0" width="${w}" height="${h}" fill="#f7f7f4"/>${grid(h, w, u)}`;
  return `${sampleImageSvg(h, w)}${Math.max(h, w) <= 64 ? grid(h, w, u) : ''}`;
}

/**
 * The drawing without its <svg> element, in input pixels, and the box it fills. Line widths are
 * in those units too (1/400 of the box a unit), not `vector-effect`, which slide renderers ignore.
 */
export function receptiveFieldBody(
  g: FieldGeometry,
  options: FieldSvgOptions = {},
): { box: Rect; body: string; frame: number } {
  const last = g.path.length - 1;
  const k = Math.min(last, Math.max(0, options.frame ?? last));
  const frame = g.path[k]!;
  const [h, w] = g.image;
  const box = fieldViewBox(g, options.fit);
  const u = Math.max(box.width, box.height) / 400;
  const id = `${(options.idPrefix ?? 'rf').replace(/[^A-Za-z0-9_-]/g, '')}-hatch`;
  const region = frame.region;
  const inside = clipToImage(region, h, w);
  const parts = [
    `<defs><pattern id="${id}" patternUnits="userSpaceOnUse" width="${n(box.width / 60)}" height="${n(box.width / 60)}" patternTransform="rotate(45)"><rect width="${n(box.width / 120)}" height="${n(box.width / 60)}" fill="#c62828" fill-opacity="0.55"/></pattern></defs>`,
    rect(box, 'fill="#ffffff"'),
    background(g, options.background ?? { kind: 'sample' }, u),
    rect(
      { top: 0, left: 0, height: h, width: w },
      `data-part="image" fill="none" stroke="#333" stroke-width="${n(1.5 * u)}"`,
    ),
  ];
  for (const earlier of g.path.slice(0, k)) {
    parts.push(
      rect(
        earlier.region,
        `data-part="earlier" data-node="${xmlText(earlier.name)}" fill="none" stroke="#1f4e9c" stroke-opacity="0.7" stroke-dasharray="${n(5 * u)} ${n(4 * u)}" stroke-width="${n(2 * u)}"`,
      ),
    );
  }
  if (inside) parts.push(rect(inside, 'data-part="inside" fill="#2f6fed" fill-opacity="0.28"'));
  for (const band of offImage(region, h, w)) parts.push(rect(band, `data-part="padding" fill="url(#${id})"`));
  parts.push(
    rect(
      region,
      `data-part="region" data-node="${xmlText(frame.name)}" fill="none" stroke="#1f4e9c" stroke-width="${n(3 * u)}"`,
    ),
  );
  if (frame.taps) {
    const r = Math.max(Math.min(frame.jump[0], frame.jump[1]) * 0.16, 3 * u);
    for (const y of frame.taps.y) {
      for (const x of frame.taps.x) {
        const padded = y.padded || x.padded;
        parts.push(
          `<circle data-part="tap"${padded ? ' data-padded="true"' : ''} cx="${n(x.at)}" cy="${n(y.at)}" r="${n(r)}" ${
            padded ? 'fill="#ffffff" stroke="#c62828"' : 'fill="#1f4e9c" stroke="#ffffff"'
          } stroke-width="${n(u)}"/>`,
        );
      }
    }
  }
  const [cy, cx] = [region.top + region.height / 2, region.left + region.width / 2];
  const arm = 8 * u;
  parts.push(
    `<path data-part="centre" d="M${n(cx - arm)} ${n(cy)}H${n(cx + arm)}M${n(cx)} ${n(cy - arm)}V${n(cy + arm)}" stroke="#e8710a" stroke-width="${n(3 * u)}"/>`,
  );
  return { box, body: parts.join('\n'), frame: k };
}

export function receptiveFieldSvg(g: FieldGeometry, options: FieldSvgOptions = {}): string {
  const { box, body, frame } = receptiveFieldBody(g, options);
  return `<svg xmlns="http://www.w3.org/2000/svg" data-view="receptive-field" data-frame="${frame}" viewBox="${n(box.left)} ${n(box.top)} ${n(box.width)} ${n(box.height)}" preserveAspectRatio="xMidYMid meet">\n${body}\n</svg>\n`;
}

/**
 * Fields in a row, each scaled into a square cell and clipped to it (one 5×5's field beside
 * two 3×3s'), as one picture for a slide: groups and clip paths, which slide renderers draw,
 * rather than nested <svg> elements, which some do not.
 */
export function fieldsSideBySide(fields: { geometry: FieldGeometry; options?: FieldSvgOptions }[], cell = 400): string {
  const gap = 24;
  const width = fields.length * cell + Math.max(0, fields.length - 1) * gap;
  const cells = fields.map(({ geometry, options }, i) => {
    const { box, body } = receptiveFieldBody(geometry, { ...options, idPrefix: `rf${i}` });
    const scale = Math.min(cell / box.width, cell / box.height);
    const dx = i * (cell + gap) + (cell - box.width * scale) / 2;
    const dy = (cell - box.height * scale) / 2;
    return [
      `<clipPath id="rf-cell-${i}">${rect(box, '')}</clipPath>`,
      `<g data-view="receptive-field" transform="translate(${n(dx)} ${n(dy)}) scale(${n(scale)}) translate(${n(-box.left)} ${n(-box.top)})" clip-path="url(#rf-cell-${i})">`,
      body,
      '</g>',
    ].join('\n');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${cell}" viewBox="0 0 ${width} ${cell}">\n${cells.join('\n')}\n</svg>\n`;
}

/**
 * A built-in picture to lay receptive fields over, drawn as SVG so it is sharp at any input
 * size and needs no file: sky, sun, hills, a house with a window and a tree. Sized h×w in the
 * caller's units (input pixels).
 */
export function sampleImageSvg(h: number, w: number): string {
  const x = (f: number) => Math.round(f * w * 100) / 100;
  const y = (f: number) => Math.round(f * h * 100) / 100;
  return [
    `<g data-part="sample">`,
    `<rect x="0" y="0" width="${w}" height="${h}" fill="#9cc8ef"/>`,
    `<rect x="0" y="${y(0.45)}" width="${w}" height="${y(0.2)}" fill="#bcdaf3"/>`,
    `<circle cx="${x(0.78)}" cy="${y(0.2)}" r="${Math.min(x(0.09), y(0.09))}" fill="#ffd54f"/>`,
    `<path d="M0 ${y(0.7)}Q${x(0.25)} ${y(0.52)} ${x(0.5)} ${y(0.66)}T${w} ${y(0.6)}V${h}H0Z" fill="#6fae5a"/>`,
    `<rect x="0" y="${y(0.82)}" width="${w}" height="${y(0.18)}" fill="#4e8a3e"/>`,
    `<rect x="${x(0.2)}" y="${y(0.5)}" width="${x(0.24)}" height="${y(0.32)}" fill="#d9a066"/>`,
    `<path d="M${x(0.17)} ${y(0.5)}L${x(0.32)} ${y(0.34)}L${x(0.47)} ${y(0.5)}Z" fill="#a33b2b"/>`,
    `<rect x="${x(0.25)}" y="${y(0.57)}" width="${x(0.06)}" height="${y(0.07)}" fill="#fff6c8"/>`,
    `<rect x="${x(0.34)}" y="${y(0.64)}" width="${x(0.06)}" height="${y(0.18)}" fill="#6b3e1f"/>`,
    `<rect x="${x(0.66)}" y="${y(0.52)}" width="${x(0.03)}" height="${y(0.26)}" fill="#6b3e1f"/>`,
    `<circle cx="${x(0.675)}" cy="${y(0.48)}" r="${Math.min(x(0.08), y(0.1))}" fill="#2e7d32"/>`,
    '</g>',
  ].join('');
}

import type { Edge } from '@xyflow/react';
import { type Language, translator } from '../../shared/i18n';
import { type FlowNode, nodeSize } from '../canvas/flowModel';

const margin = 24;

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxOf(node: FlowNode): Box {
  const style = node.style as { width?: number; height?: number } | undefined;
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.measured?.width ?? node.width ?? style?.width ?? nodeSize.width,
    height: node.measured?.height ?? node.height ?? style?.height ?? nodeSize.height,
  };
}

function linesOf(node: FlowNode, language: Language): { text: string; className: string }[] {
  if (node.type === 'layer') {
    const { layer, info } = node.data;
    return [
      { text: layer.kind, className: 'kind' },
      { text: layer.name, className: 'name' },
      ...(info.summary ? [{ text: info.summary, className: 'detail' }] : []),
      { text: info.shape, className: 'detail' },
      { text: [info.params, info.macs].filter(Boolean).join(' · '), className: 'detail' },
    ];
  }
  if (node.type === 'module') {
    const { t } = translator('ui', language);
    return [
      { text: t('panels.canvas.moduleKind'), className: 'kind' },
      { text: node.data.group.name, className: 'name' },
      { text: t('panels.canvas.layers', { count: node.data.members }), className: 'detail' },
    ];
  }
  return [];
}

/**
 * The whole network as a standalone SVG drawn from the graph, not from the screen: every node
 * and one path per edge, whatever the zoom and however much of it is scrolled out of view.
 */
export function diagramSvg(nodes: FlowNode[], edges: Edge[], language: Language = 'en'): string {
  const boxes = new Map(nodes.map((n) => [n.id, boxOf(n)]));
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const b of boxes.values()) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  if (boxes.size === 0) minX = minY = maxX = maxY = 0;
  const width = Math.ceil(maxX - minX + 2 * margin);
  const height = Math.ceil(maxY - minY + 2 * margin);
  const dx = margin - minX;
  const dy = margin - minY;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    '<style>.kind{font-size:10px;fill:#6b7280}.name{font-size:12px;font-weight:600;fill:#111827}.detail{font-size:10px;fill:#374151}.edge{fill:none;stroke:#64748b;stroke-width:1.5}</style>',
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><polygon points="0,0 10,5 0,10" fill="#64748b"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const node of nodes) {
    if (node.type !== 'frame') continue;
    const b = boxes.get(node.id)!;
    out.push(
      `<g class="frame"><rect x="${b.x + dx}" y="${b.y + dy}" width="${b.width}" height="${b.height}" rx="8" fill="#f8fafc" stroke="#cbd5e1" stroke-dasharray="4 3"/>`,
      `<text class="kind" x="${b.x + dx + 8}" y="${b.y + dy + 14}">${escapeXml(node.data.group.name)}</text></g>`,
    );
  }
  out.push('<g class="edges">');
  for (const edge of edges) {
    const s = boxes.get(edge.source);
    const t = boxes.get(edge.target);
    if (!s || !t) continue;
    const x1 = s.x + s.width + dx;
    const y1 = s.y + s.height / 2 + dy;
    const x2 = t.x + dx;
    const y2 = t.y + t.height / 2 + dy;
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    out.push(
      `<path class="edge" data-source="${escapeXml(edge.source)}" data-target="${escapeXml(edge.target)}" d="M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}" marker-end="url(#arrow)"/>`,
    );
  }
  out.push('</g><g class="nodes">');
  for (const node of nodes) {
    if (node.type === 'frame') continue;
    const b = boxes.get(node.id)!;
    const x = b.x + dx;
    const y = b.y + dy;
    const heat = node.type === 'layer' ? node.data.info.heat : '#94a3b8';
    out.push(
      `<g class="node" data-id="${escapeXml(node.id)}"><rect x="${x}" y="${y}" width="${b.width}" height="${b.height}" rx="6" fill="#ffffff" stroke="#cbd5e1"/>`,
      `<rect x="${x}" y="${y}" width="4" height="${b.height}" fill="${escapeXml(heat)}"/>`,
    );
    linesOf(node, language).forEach((line, i) => {
      out.push(`<text class="${line.className}" x="${x + 10}" y="${y + 16 + i * 15}">${escapeXml(line.text)}</text>`);
    });
    out.push('</g>');
  }
  out.push('</g></svg>');
  return out.join('\n');
}

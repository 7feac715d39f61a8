import type { Edge, Node } from '@xyflow/react';
import type { FlowNode } from '../canvas/flowModel';
import { uiLanguage } from '../i18n/i18n';
import { diagramSvg } from './diagramSvg';
import { svgToPng } from './svgToPng';

/** The whole network (not just what is on screen) as an image, for slides and reports. */
export function canvasPng(nodes: Node[], edges: Edge[]): Promise<Blob> {
  return svgToPng(diagramSvg(nodes as FlowNode[], edges, uiLanguage()), 2);
}

export async function canvasSvg(nodes: Node[], edges: Edge[]): Promise<Blob> {
  return new Blob([diagramSvg(nodes as FlowNode[], edges, uiLanguage())], { type: 'image/svg+xml' });
}

import { getNodesBounds, getViewportForBounds, type Node } from '@xyflow/react';
import { toBlob, toSvg } from 'html-to-image';

const padding = 0.08;

function frame(nodes: Node[]) {
  const bounds = getNodesBounds(nodes);
  const width = Math.min(8000, Math.max(400, Math.ceil(bounds.width * 1.15)));
  const height = Math.min(8000, Math.max(300, Math.ceil(bounds.height * 1.15)));
  const viewport = getViewportForBounds(bounds, width, height, 0.1, 2, padding);
  return { width, height, viewport };
}

function options(nodes: Node[]) {
  const { width, height, viewport } = frame(nodes);
  const background = getComputedStyle(document.body).backgroundColor;
  return {
    width,
    height,
    backgroundColor: background,
    style: {
      width: `${width}px`,
      height: `${height}px`,
      transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})`,
    },
  };
}

function viewportElement(): HTMLElement {
  const el = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!el) throw new Error('The canvas is not on screen.');
  return el;
}

/** The whole network (not just what is on screen) as an image, for slides and reports. */
export async function canvasPng(nodes: Node[]): Promise<Blob> {
  const blob = await toBlob(viewportElement(), { ...options(nodes), pixelRatio: 2 });
  if (!blob) throw new Error('The browser could not render the image.');
  return blob;
}

export async function canvasSvg(nodes: Node[]): Promise<Blob> {
  const dataUrl = await toSvg(viewportElement(), options(nodes));
  const svg = decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1));
  return new Blob([svg], { type: 'image/svg+xml' });
}

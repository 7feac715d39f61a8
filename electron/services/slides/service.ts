import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { analyzeGraph } from '../../../shared/analysis';
import type { ApiRequest, ApiResponse } from '../../../shared/api';
import type { Graph } from '../../../shared/graph/types';
import { comparisonDeck } from '../../../shared/slides';
import { compareGraphs } from '../../../shared/transforms';
import { deckToPdf, SlidesProblem } from './pdf';
import { deckToPptx } from './pptx';

const safeName = (name: string) => name.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'comparison';
const asGraph = (graph: ApiRequest<'compareSlides'>['a']['graph']) =>
  ({ ...graph, groups: graph.groups ?? [] }) as Graph;

/** The editor's "Export PPTX / PDF" of a comparison: the same deck as `netwright compare --pptx`. */
export async function compareSlides(request: ApiRequest<'compareSlides'>): Promise<ApiResponse<'compareSlides'>> {
  const sides = [request.a, request.b].map((s) => ({ name: s.name, graph: asGraph(s.graph) }));
  const broken = sides.find((s) => analyzeGraph(s.graph).diagnostics.some((d) => d.severity === 'error'));
  if (broken) throw new SlidesProblem(`${broken.name} has errors; fix them before exporting slides.`);
  const comparison = compareGraphs(sides[0]!, sides[1]!);
  const deck = comparisonDeck(comparison, {
    ...(request.title ? { title: request.title } : {}),
    ...(request.language ? { language: request.language } : {}),
  });
  const bytes = request.format === 'pdf' ? await deckToPdf(deck) : await deckToPptx(deck);
  return {
    base64: Buffer.from(bytes).toString('base64'),
    suggestedName: `${safeName(deck.title)}.${request.format}`,
  };
}

/** Whether `command` is an executable file in one of PATH's folders. */
async function onPath(command: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    try {
      await access(path.join(dir, command), constants.X_OK);
      return true;
    } catch {}
  }
  return false;
}

export async function slideFormats(): Promise<ApiResponse<'slideFormats'>> {
  const soffice = process.env.NETWRIGHT_SOFFICE;
  const pdf = soffice
    ? await access(soffice, constants.X_OK).then(
        () => true,
        () => false,
      )
    : await onPath('soffice');
  return { formats: pdf ? ['pptx', 'pdf'] : ['pptx'] };
}

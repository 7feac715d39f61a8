import type { Analysis, PathCounts } from '../../shared/analysis';
import {
  analyzeGraph,
  commonestLength,
  countPaths,
  formatPathCount,
  formatShape,
  pathCountInFull,
} from '../../shared/analysis';
import type { Graph } from '../../shared/graph/types';
import { diagnosticText, receptiveFieldText } from '../../shared/i18n';
import type { LoadedNetwork } from '../services/files';
import { commonOptions, parseInputShape } from './args';
import { defineCommand } from './command';
import { ExitCode } from './io';
import { hasErrors, loadNetworkForCli, totalsJson } from './network';
import { problemLines } from './problemLines';
import { renderTable } from './table';
import { type CliText, cliText } from './text';

// Path counts outgrow JSON numbers (2^53) after a few dozen residual blocks: decimal strings.
const decimal = (count: bigint | null | undefined) => (count === null || count === undefined ? null : count.toString());

/**
 * The importer's notes, then the analysis's problems, each with where it comes from and a
 * stable code. A layer the importer kept as Unsupported is the analysis's unknown-kind
 * error (with its Keras class), not reported twice.
 */
function diagnosticsJson(analysis: Analysis, network: Pick<LoadedNetwork, 'graph' | 'warnings'>) {
  const kerasClassOf = new Map<string, string>();
  for (const node of network.graph.nodes) {
    const kerasClass = node.params?.kerasClass;
    if (typeof kerasClass === 'string') kerasClassOf.set(node.id, kerasClass);
  }
  const fromImport = network.warnings
    .filter((w) => w.code !== 'unsupported-layer')
    .map(({ nodeId, severity, code, message, kerasClass }) => ({
      source: 'import',
      code,
      nodeId,
      severity,
      message,
      ...(kerasClass ? { kerasClass } : {}),
    }));
  const fromAnalysis = analysis.diagnostics.map(({ nodeId, severity, code, message }) => {
    const kerasClass = nodeId ? kerasClassOf.get(nodeId) : undefined;
    return { source: 'analysis', code, nodeId, severity, message, ...(kerasClass ? { kerasClass } : {}) };
  });
  return [...fromImport, ...fromAnalysis];
}

export function analysisJson(
  analysis: Analysis,
  paths: PathCounts,
  network: Pick<LoadedNetwork, 'graph' | 'warnings'>,
) {
  return {
    totals: {
      ...totalsJson(analysis.totals),
      // Some layer is not counted: the numbers are a lower bound.
      partial: analysis.partial,
      paths: paths.total.toString(),
      pathLengths: paths.lengths && [...paths.lengths].map(([length, count]) => ({ length, count: count.toString() })),
    },
    nodes: analysis.order.map((id) => {
      const n = analysis.nodes[id]!;
      return {
        id: n.id,
        name: n.name,
        kind: n.kind,
        outputShape: n.outputShape,
        params: n.paramCount.total,
        macs: n.macs,
        receptiveField: n.receptiveField,
        paths: decimal(paths.perNode.get(n.id)),
      };
    }),
    diagnostics: diagnosticsJson(analysis, network),
  };
}

function analysisText(analysis: Analysis, paths: PathCounts, text: CliText): string {
  const { t, int } = text;
  const rows = analysis.order.map((id) => {
    const n = analysis.nodes[id]!;
    return [
      n.name,
      n.kind,
      formatShape(n.outputShape),
      int(n.paramCount.total),
      int(n.macs),
      receptiveFieldText(n.receptiveField, text.language),
    ];
  });
  const totals = analysis.totals;
  // Some layer is not counted (see Problems): the totals are a lower bound.
  const atLeast = analysis.partial ? t('totals.atLeast') : '';
  const header = (['name', 'kind', 'output', 'params', 'macs', 'receptiveField'] as const).map((k) => t(`table.${k}`));
  const lines = [
    renderTable(header, rows, [false, false, false, true, true, false]),
    '',
    t('totals.params', {
      atLeast,
      total: int(totals.params),
      trainable: int(totals.trainableParams),
      nonTrainable: int(totals.nonTrainableParams),
    }),
    t('totals.macs', { atLeast, macs: int(totals.macs), flops: int(totals.flops) }),
    pathsLine(paths, text),
  ];
  if (analysis.diagnostics.length) lines.push('', ...problemLines(analysis, text));
  return lines.join('\n');
}

/** "Paths input → output: 2^16 (65,536); lengths 18 to 50, most often 34 (12,870 paths)". */
function pathsLine({ total, lengths }: PathCounts, { t, language }: CliText): string {
  const count = (c: bigint) => formatPathCount(c, language);
  const exact = pathCountInFull(total) ? '' : ` (${total.toString()})`;
  let line = t('paths.total', { paths: `${count(total)}${exact}` });
  const keys = lengths ? [...lengths.keys()] : [];
  const common = lengths && commonestLength(lengths);
  if (keys.length && common) {
    const span =
      keys.length === 1
        ? t('paths.oneLength', { length: keys[0]! })
        : t('paths.lengths', { from: keys[0]!, to: keys.at(-1)! });
    const often =
      keys.length > 1
        ? `, ${t('paths.mostOften', { length: common.length, paths: count(common.count), count: Number(common.count) })}`
        : '';
    line += `; ${span}${often}`;
  }
  return line;
}

/** Analysis and paths of one network, as the text and JSON outputs show them. */
function analyzeNetwork(graph: Graph): { analysis: Analysis; paths: PathCounts } {
  return { analysis: analyzeGraph(graph), paths: countPaths(graph) };
}

export const analyzeCommand = defineCommand({
  name: 'analyze',
  positionals: ['FILE'],
  synopsis: 'FILE [--input-shape H,W,C] [--json]',
  options: { 'input-shape': commonOptions['input-shape'], json: commonOptions.json },
  async run({ values, positionals: [file] }, io) {
    const network = await loadNetworkForCli(file!, parseInputShape(values['input-shape']));
    const { analysis, paths } = analyzeNetwork(network.graph);
    if (values.json) io.out(JSON.stringify(analysisJson(analysis, paths, network)));
    else {
      const text = cliText(io);
      for (const warning of network.warnings)
        io.err(`${text.t('severity.warning')}: ${diagnosticText(warning, text.language)}`);
      io.out(analysisText(analysis, paths, text));
    }
    return hasErrors(analysis) ? ExitCode.networkErrors : ExitCode.ok;
  },
});

import type { Analysis } from '../../shared/analysis';
import { analyzeGraph, formatInt, formatReceptiveField, formatShape } from '../../shared/analysis';
import { commonOptions, parseInputShape } from './args';
import { defineCommand } from './command';
import { conventionNote } from './help';
import { ExitCode } from './io';
import { hasErrors, loadNetworkForCli, totalsJson } from './network';
import { renderTable } from './table';

export function analysisJson(analysis: Analysis) {
  return {
    totals: totalsJson(analysis.totals),
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
      };
    }),
    diagnostics: analysis.diagnostics.map((d) => ({ nodeId: d.nodeId, severity: d.severity, message: d.message })),
  };
}

function analysisText(analysis: Analysis): string {
  const rows = analysis.order.map((id) => {
    const n = analysis.nodes[id]!;
    return [
      n.name,
      n.kind,
      formatShape(n.outputShape),
      formatInt(n.paramCount.total),
      formatInt(n.macs),
      formatReceptiveField(n.receptiveField),
    ];
  });
  const t = analysis.totals;
  const lines = [
    renderTable(['name', 'kind', 'output', 'params', 'MACs', 'receptive field'], rows, [
      false,
      false,
      false,
      true,
      true,
      false,
    ]),
    '',
    `Parameters: ${formatInt(t.params)} (trainable ${formatInt(t.trainableParams)}, non-trainable ${formatInt(t.nonTrainableParams)})`,
    `MACs: ${formatInt(t.macs)}   FLOPs: ${formatInt(t.flops)} (= 2 × MACs)`,
  ];
  if (analysis.diagnostics.length) {
    lines.push('', 'Problems:');
    for (const d of analysis.diagnostics) {
      const where = d.nodeId ? `${analysis.nodes[d.nodeId]?.name ?? d.nodeId}: ` : '';
      lines.push(`  ${d.severity}: ${where}${d.message}`);
    }
  }
  return lines.join('\n');
}

export const analyzeCommand = defineCommand({
  name: 'analyze',
  positionals: ['FILE'],
  synopsis: 'FILE [--input-shape H,W,C] [--json]',
  summary: 'Shapes, parameters, multiply-adds and problems of a network',
  help: `Prints every node's output shape, parameters and multiply-adds, the totals, and any
problems. FILE is a Netwright project or a Keras / TensorFlow.js Layers JSON.

${conventionNote}`,
  options: { 'input-shape': commonOptions['input-shape'], json: commonOptions.json },
  async run({ values, positionals: [file] }, io) {
    const network = await loadNetworkForCli(file!, parseInputShape(values['input-shape']));
    const analysis = analyzeGraph(network.graph);
    if (values.json) io.out(JSON.stringify(analysisJson(analysis)));
    else {
      for (const warning of network.warnings) io.err(`warning: ${warning}`);
      io.out(analysisText(analysis));
    }
    return hasErrors(analysis) ? ExitCode.networkErrors : ExitCode.ok;
  },
});

import { analyzeGraph, formatInt } from '../../shared/analysis';
import { checkPrinciples, signedPct, suggest } from '../../shared/transforms';
import { commonOptions, parseInputShape } from './args';
import { defineCommand } from './command';
import { conventionNote } from './help';
import { ExitCode } from './io';
import { hasErrors, loadNetworkForCli, totalsJson } from './network';
import { diagnosticsJson, problemLines } from './reportText';
import { renderTable } from './table';
import { cliText } from './text';

const pctText = (pct: number) => signedPct(-pct);

export const suggestCommand = defineCommand({
  name: 'suggest',
  positionals: ['FILE'],
  synopsis: 'FILE [--input-shape H,W,C] [--json]',
  summary: 'Inception factorizations that apply, ranked by saving, and design warnings',
  help: `Lists every Inception factorization that applies to the network and what it saves,
ranked by multiply-adds saved, then the Inception v3 design-principle warnings.
Every suggestion was applied and re-analysed: its output shape is proven unchanged,
and for stack and asymmetric its receptive field too. Apply one with
\`npx netwright factorize FILE --rule RULE --node NAME --out NEW_FILE\`.

${conventionNote}`,
  options: { 'input-shape': commonOptions['input-shape'], json: commonOptions.json },
  async run({ values, positionals: [file] }, io) {
    const network = await loadNetworkForCli(file!, parseInputShape(values['input-shape']));
    const analysis = analyzeGraph(network.graph);
    if (hasErrors(analysis)) {
      if (values.json) io.out(JSON.stringify({ diagnostics: diagnosticsJson(analysis) }));
      else
        io.out(
          [
            'The network has errors; fix them before asking for factorizations.',
            '',
            ...problemLines(analysis, cliText(io)),
          ].join('\n'),
        );
      return ExitCode.networkErrors;
    }
    const suggestions = suggest(network.graph, {}, analysis);
    const warnings = checkPrinciples(network.graph, {}, analysis);
    if (values.json) {
      io.out(
        JSON.stringify({
          totals: totalsJson(analysis.totals),
          suggestions: suggestions.map((s) => s.report),
          warnings: warnings.map((w) => ({ ...w, node: analysis.nodes[w.nodeId]?.name ?? w.nodeId })),
        }),
      );
      return ExitCode.ok;
    }
    for (const warning of network.warnings) io.err(`warning: ${warning.message}`);
    const lines: string[] = [];
    if (suggestions.length === 0) lines.push(`No factorization applies to ${network.name} with a saving.`);
    else {
      lines.push(
        `${suggestions.length} factorization${suggestions.length === 1 ? '' : 's'} for ${network.name}, most multiply-adds saved first:`,
        '',
      );
      const rows = suggestions.map((s, i) => [
        String(i + 1),
        s.rule,
        s.nodeName,
        s.report.replacement,
        formatInt(s.report.macs.saved),
        pctText(s.report.macs.savedPct),
        formatInt(s.report.params.saved),
        pctText(s.report.params.savedPct),
      ]);
      lines.push(
        renderTable(['#', 'rule', 'node', 'becomes', 'MACs saved', 'MACs', 'params saved', 'params'], rows, [
          true,
          false,
          false,
          false,
          true,
          true,
          true,
          true,
        ]),
        '',
        'Every suggestion keeps the output shape; stack, asymmetric, bottleneck and filter-bank keep the receptive field.',
        'Apply one: npx netwright factorize FILE --rule RULE --node NAME --out NEW_FILE (or --all for every one of a rule).',
      );
    }
    if (warnings.length) {
      lines.push('', 'Design-principle warnings (Inception v3):');
      for (const w of warnings) lines.push(`  warning: ${analysis.nodes[w.nodeId]?.name ?? w.nodeId}: ${w.message}`);
    }
    io.out(lines.join('\n'));
    return ExitCode.ok;
  },
});

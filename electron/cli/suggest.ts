import { analyzeGraph } from '../../shared/analysis';
import { checkPrinciples, reportText, signedPct, suggest } from '../../shared/transforms';
import { commonOptions, parseInputShape } from './args';
import { defineCommand } from './command';
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
  options: { 'input-shape': commonOptions['input-shape'], json: commonOptions.json },
  async run({ values, positionals: [file] }, io) {
    const network = await loadNetworkForCli(file!, parseInputShape(values['input-shape']));
    const analysis = analyzeGraph(network.graph);
    const text = cliText(io);
    const { t, int } = text;
    if (hasErrors(analysis)) {
      if (values.json) io.out(JSON.stringify({ diagnostics: diagnosticsJson(analysis) }));
      else io.out([t('suggest.hasErrors'), '', ...problemLines(analysis, text)].join('\n'));
      return ExitCode.networkErrors;
    }
    const suggestions = suggest(network.graph, {}, analysis);
    // --json stays English; the text speaks the output's language.
    const warnings = checkPrinciples(network.graph, values.json ? {} : { language: text.language }, analysis);
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
    for (const warning of network.warnings) io.err(`${t('severity.warning')}: ${warning.message}`);
    const lines: string[] = [];
    if (suggestions.length === 0) lines.push(t('suggest.none', { network: network.name }));
    else {
      lines.push(t('suggest.heading', { count: suggestions.length, network: network.name }), '');
      const rows = suggestions.map((s, i) => [
        String(i + 1),
        s.rule,
        s.nodeName,
        reportText(s.report, text.language).replacement,
        int(s.report.macs.saved),
        text.decimal(pctText(s.report.macs.savedPct)),
        int(s.report.params.saved),
        text.decimal(pctText(s.report.params.savedPct)),
      ]);
      const header = (['rule', 'node', 'becomes', 'macsSaved', 'macs', 'paramsSaved', 'params'] as const).map((k) =>
        t(`suggest.${k}`),
      );
      lines.push(
        renderTable(['#', ...header], rows, [true, false, false, false, true, true, true, true]),
        '',
        t('suggest.keeps'),
        t('suggest.apply'),
      );
    }
    if (warnings.length) {
      lines.push('', t('suggest.principles'));
      for (const w of warnings)
        lines.push(`  ${t('severity.warning')}: ${analysis.nodes[w.nodeId]?.name ?? w.nodeId}: ${w.message}`);
    }
    io.out(lines.join('\n'));
    return ExitCode.ok;
  },
});

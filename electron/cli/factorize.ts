import { analyzeGraph, formatInt } from '../../shared/analysis';
import { createProjectFile, serializeProject } from '../../shared/graph/projectFile';
import type { Graph } from '../../shared/graph/types';
import {
  applyAllOfKind,
  applyEverything,
  applyRule,
  costChange,
  FACTORIZATION_RULES,
  isRuleId,
  type RewriteReport,
  RULE_IDS,
  type RuleId,
  rules,
  suggest,
  type TransformDiagnostic,
} from '../../shared/transforms';
import { writeFileAtomic } from '../services/files';
import { parseCommandArgs, parseInputShape, singleFile } from './args';
import { conventionNote } from './help';
import { CliError, type CliIo, ExitCode } from './io';
import { hasErrors, loadNetworkForCli, totalsJson } from './network';
import { diagnosticsJson, problemLines, reportLines, savingText } from './reportText';

export const factorizeUsage = `Usage: npx netwright factorize FILE [--rule ${RULE_IDS.join('|')}] (--node NAME | --all)
       [--out NEW_FILE] [--json] [--channels N] [--ratio R] [--activation A] [--order 1xn|nx1]`;

export const factorizeHelp = `${factorizeUsage}

Applies an Inception factorization and reports what it saves. Each rewrite is
proven by re-analysing the result: the output shape is unchanged, and for stack
and asymmetric the receptive field too.

  --rule RULE     stack (n×n → stacked 3×3s), asymmetric (n×n → 1×n, n×1),
                  bottleneck (1×1 before a k×k), grid-reduction (parallel stride-2
                  conv and pool), filter-bank (1×n ‖ n×1 at the coarsest grid)
  --node NAME     rewrite this layer (without --rule: the rule that saves most there)
  --all           every place the rule applies, best first, until none is left;
                  without --rule: every ${FACTORIZATION_RULES.join(' and ')} rewrite ("apply everything")
  --out NEW_FILE  write the result as a Netwright project
  --channels N    stack, asymmetric: channels between the convs; bottleneck: compressed
                  channels; filter-bank: channels of the 1×n branch
  --ratio R       bottleneck: compressed channels as a share of the input's (default 0.5)
  --activation A  stack, asymmetric: nonlinearity between the convs (default relu)
  --order O       asymmetric: 1xn (1×n first, default) or nx1

With --json: {"before": totals, "after": totals, "saved": {"params", "macs",
"paramsPct", "macsPct"}, "rewrites": [...]}, totals as in \`analyze --json\`.

${conventionNote}`;

const CHANNEL_OPTION: Record<RuleId, string> = {
  stack: 'intermediateChannels',
  asymmetric: 'intermediateChannels',
  bottleneck: 'channels',
  'grid-reduction': 'channels',
  'filter-bank': 'branch1xnChannels',
};

/** A number where the text is one, else the text, so the rule's message shows what was typed. */
const numberOrText = (text: string) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

interface Values {
  channels?: string | undefined;
  ratio?: string | undefined;
  activation?: string | undefined;
  order?: string | undefined;
}

/** The rule's options from the flags, validated by the rule itself (exit 2 with its message). */
function ruleOptions(rule: RuleId | undefined, v: Values): Record<string, unknown> {
  const given = Object.entries(v).filter(([, value]) => value !== undefined);
  if (!rule) {
    if (given.length) throw new CliError(`--${given[0]![0]} needs --rule, to say which rewrite it configures.`);
    return {};
  }
  const options: Record<string, unknown> = {};
  if (v.channels !== undefined) options[CHANNEL_OPTION[rule]] = numberOrText(v.channels);
  if (v.ratio !== undefined) options.ratio = numberOrText(v.ratio);
  if (v.activation !== undefined) options.activation = v.activation;
  if (v.order !== undefined) options.order = v.order;
  const parsed = rules[rule].options.safeParse(options);
  if (!parsed.success) {
    const flag = (key: string) => `--${Object.entries(CHANNEL_OPTION).some(([, k]) => k === key) ? 'channels' : key}`;
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? (issue as { keys?: string[] }).keys?.[0] ?? '');
    const what =
      issue.code === 'unrecognized_keys'
        ? `${flag(key)} does not apply to ${rule}`
        : `${key ? `${flag(key)}: ` : ''}${issue.message}`;
    throw new CliError(`Invalid option for ${rule}: ${what}.`);
  }
  return options;
}

function nodeIdByName(graph: Graph, name: string, file: string): string {
  const node = graph.nodes.find((n) => n.name === name) ?? graph.nodes.find((n) => n.id === name);
  if (!node) throw new CliError(`There is no node named "${name}" in ${file} (see \`npx netwright analyze ${file}\`).`);
  return node.id;
}

/** Exit code for a rewrite that was refused: the network's own errors are 1, a bad request 2. */
const refusal = (d: TransformDiagnostic) =>
  new CliError(d.message, d.code === 'network-errors' ? ExitCode.networkErrors : ExitCode.badInput);

export async function factorizeCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      rule: { type: 'string' },
      node: { type: 'string' },
      all: { type: 'boolean' },
      out: { type: 'string' },
      json: { type: 'boolean' },
      channels: { type: 'string' },
      ratio: { type: 'string' },
      activation: { type: 'string' },
      order: { type: 'string' },
      'input-shape': { type: 'string' },
      help: { type: 'boolean' },
    },
    factorizeUsage,
  );
  if (values.help) {
    io.out(factorizeHelp);
    return ExitCode.ok;
  }
  const file = singleFile(positionals, factorizeUsage);
  if (values.rule !== undefined && !isRuleId(values.rule))
    throw new CliError(`Unknown rule "${values.rule}": use one of ${RULE_IDS.join(', ')}.`);
  const rule = values.rule as RuleId | undefined;
  if ((values.node === undefined) === !values.all)
    throw new CliError(`Give either --node NAME or --all.\n${factorizeUsage}`);
  const { channels, ratio, activation, order } = values;
  const options = ruleOptions(rule, { channels, ratio, activation, order });
  const inputShape = parseInputShape(values['input-shape']);
  const network = await loadNetworkForCli(file, inputShape);
  const analysis = analyzeGraph(network.graph);
  if (hasErrors(analysis)) {
    if (values.json) io.out(JSON.stringify({ diagnostics: diagnosticsJson(analysis) }));
    else io.out(['The network has errors; fix them before factorizing it.', '', ...problemLines(analysis)].join('\n'));
    return ExitCode.networkErrors;
  }

  let graph = network.graph;
  let rewrites: RewriteReport[];
  if (values.node !== undefined) {
    const id = nodeIdByName(graph, values.node, file);
    if (rule) {
      const result = applyRule(rule, graph, id, options, analysis);
      if (!result.ok) throw refusal(result.diagnostic);
      graph = result.graph;
      rewrites = [result.report];
    } else {
      const [best] = suggest(graph, { nodeIds: [id] }, analysis);
      if (!best)
        throw new CliError(
          `No rewrite saves anything at '${values.node}'; name one with --rule to see why it does not apply.`,
        );
      graph = best.graph;
      rewrites = [best.report];
    }
  } else {
    const result = rule ? applyAllOfKind(graph, rule, { options: { [rule]: options } }) : applyEverything(graph);
    if (!result.ok) throw refusal(result.diagnostic);
    graph = result.graph;
    rewrites = result.applied;
  }

  const after = analyzeGraph(graph).totals;
  const params = costChange(analysis.totals.params, after.params);
  const macs = costChange(analysis.totals.macs, after.macs);
  if (values.out !== undefined) {
    const project = createProjectFile(`${network.name} (factorized)`, graph);
    try {
      await writeFileAtomic(values.out, serializeProject(project));
    } catch (err) {
      throw new CliError(`Cannot write ${values.out} (${(err as { code?: string }).code ?? String(err)}).`);
    }
  }
  if (values.json) {
    io.out(
      JSON.stringify({
        before: totalsJson(analysis.totals),
        after: totalsJson(after),
        saved: { params: params.saved, macs: macs.saved, paramsPct: params.savedPct, macsPct: macs.savedPct },
        rewrites,
      }),
    );
    return ExitCode.ok;
  }
  for (const warning of network.warnings) io.err(`warning: ${warning}`);
  const lines: string[] = [];
  if (rewrites.length === 0) {
    const what = rule ? `rule ${rule}` : FACTORIZATION_RULES.join(' or ');
    lines.push(`Nothing to rewrite: ${what} applies nowhere in ${network.name} with a saving.`);
  }
  for (const r of rewrites) lines.push(...reportLines(r), '');
  lines.push(
    `${rewrites.length} rewrite${rewrites.length === 1 ? '' : 's'} applied.`,
    `Parameters: ${formatInt(params.before)} → ${formatInt(params.after)}: ${savingText(params)}`,
    `MACs: ${formatInt(macs.before)} → ${formatInt(macs.after)}: ${savingText(macs)}`,
  );
  if (values.out !== undefined) lines.push(`Wrote ${values.out}.`);
  io.out(lines.join('\n'));
  return ExitCode.ok;
}

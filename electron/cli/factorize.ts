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
  optionFields,
  type RewriteReport,
  RULE_IDS,
  type RuleId,
  rules,
  suggest,
  type TransformDiagnostic,
} from '../../shared/transforms';
import { commonOptions, parseInputShape } from './args';
import { defineCommand, type OptionSpec } from './command';
import { conventionNote } from './help';
import { CliError, ExitCode } from './io';
import { hasErrors, loadNetworkForCli, totalsJson } from './network';
import { writeOrExplain } from './output';
import { diagnosticsJson, problemLines, reportLines, savingText } from './reportText';
import { cliText } from './text';

/** Every rule option as a flag, by its shared name: --channels sets each rule's own channel option. */
function ruleFlags(): Record<string, { key: string; rule: RuleId; description: string }[]> {
  const flags: Record<string, { key: string; rule: RuleId; description: string }[]> = {};
  for (const rule of RULE_IDS) {
    for (const f of optionFields(rules[rule].options)) {
      flags[f.alias] = [...(flags[f.alias] ?? []), { key: f.key, rule, description: f.description }];
    }
  }
  return flags;
}

const flags = ruleFlags();

const flagOptions = Object.fromEntries(
  Object.entries(flags).map(([flag, fields]) => [
    flag,
    {
      type: 'string',
      value: flag.toUpperCase(),
      description: fields.map((f) => `${f.rule}: ${f.description}`).join('\n'),
    } satisfies OptionSpec,
  ]),
);

/** A number where the text is one, else the text, so the rule's message shows what was typed. */
const numberOrText = (text: string) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/** The rule's options from the flags, validated by the rule itself (exit 2 with its message). */
function ruleOptions(rule: RuleId | undefined, values: Record<string, unknown>): Record<string, unknown> {
  const given = Object.keys(flags).filter((flag) => typeof values[flag] === 'string');
  if (!rule) {
    if (given.length) throw new CliError(`--${given[0]} needs --rule, to say which rewrite it configures.`);
    return {};
  }
  const options: Record<string, unknown> = {};
  for (const flag of given) {
    const field = flags[flag]!.find((f) => f.rule === rule);
    if (!field) throw new CliError(`Invalid option for ${rule}: --${flag} does not apply to ${rule}.`);
    options[field.key] = numberOrText(values[flag] as string);
  }
  const parsed = rules[rule].options.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const flag = Object.keys(flags).find((f) => flags[f]!.some((x) => x.rule === rule && x.key === key));
    throw new CliError(`Invalid option for ${rule}: ${flag ? `--${flag}: ` : ''}${issue.message}.`);
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

export const factorizeCommand = defineCommand({
  name: 'factorize',
  positionals: ['FILE'],
  synopsis: `FILE [--rule ${RULE_IDS.join('|')}] (--node NAME | --all)
       [--out NEW_FILE] [--json] [${Object.keys(flags)
         .map((f) => `--${f} ${f.toUpperCase()}`)
         .join('] [')}]`,
  summary: 'Apply a factorization (--rule RULE, --node NAME or --all) and report the saving',
  help: `Applies an Inception factorization and reports what it saves. Each rewrite is
proven by re-analysing the result: the output shape is unchanged, and for stack
and asymmetric the receptive field too.

Rules:
${RULE_IDS.map((id) => `  ${id.padEnd(16)}${rules[id].label}`).join('\n')}

With --json: {"before": totals, "after": totals, "saved": {"params", "macs",
"paramsPct", "macsPct"}, "rewrites": [...]}, totals as in \`analyze --json\`.

${conventionNote}`,
  options: {
    rule: { type: 'string', value: 'RULE', description: `the rewrite to apply: ${RULE_IDS.join(', ')}` },
    node: {
      type: 'string',
      value: 'NAME',
      description: 'rewrite this layer (without --rule: the rule that saves most there)',
    },
    all: {
      type: 'boolean',
      description: `every place the rule applies, best first, until none is left;
without --rule: every ${FACTORIZATION_RULES.join(' and ')} rewrite ("apply everything")`,
    },
    out: { type: 'string', value: 'NEW_FILE', description: 'write the result as a Netwright project' },
    json: commonOptions.json,
    'input-shape': commonOptions['input-shape'],
    ...flagOptions,
  },
  async run({ values, positionals: [file] }, io) {
    if (values.rule !== undefined && !isRuleId(values.rule))
      throw new CliError(`Unknown rule "${values.rule}": use one of ${RULE_IDS.join(', ')}.`);
    const rule = values.rule as RuleId | undefined;
    if ((values.node === undefined) === !values.all)
      throw new CliError('Give either --node NAME or --all (see `npx netwright factorize --help`).');
    const options = ruleOptions(rule, values);
    const inputShape = parseInputShape(values['input-shape']);
    const network = await loadNetworkForCli(file!, inputShape);
    const analysis = analyzeGraph(network.graph);
    if (hasErrors(analysis)) {
      if (values.json) io.out(JSON.stringify({ diagnostics: diagnosticsJson(analysis) }));
      else
        io.out(
          ['The network has errors; fix them before factorizing it.', '', ...problemLines(analysis, cliText(io))].join(
            '\n',
          ),
        );
      return ExitCode.networkErrors;
    }

    let graph = network.graph;
    let rewrites: RewriteReport[];
    if (values.node !== undefined) {
      const id = nodeIdByName(graph, values.node, file!);
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
      await writeOrExplain(values.out, serializeProject(project));
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
    for (const warning of network.warnings) io.err(`warning: ${warning.message}`);
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
  },
});

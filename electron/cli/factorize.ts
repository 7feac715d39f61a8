import { analyzeGraph } from '../../shared/analysis';
import { createProjectFile, serializeProject } from '../../shared/graph/projectFile';
import type { Graph } from '../../shared/graph/types';
import {
  applyAllOfKind,
  applyEverything,
  applyRule,
  costChange,
  diagnosticText,
  FACTORIZATION_RULES,
  isRuleId,
  optionFields,
  type RewriteReport,
  RULE_IDS,
  type RuleId,
  ruleLabel,
  rules,
  suggest,
  type TransformDiagnostic,
} from '../../shared/transforms';
import { commonOptions, parseInputShape } from './args';
import { defineCommand, type OptionSpec } from './command';
import { CliError, ExitCode } from './io';
import { hasErrors, loadNetworkForCli, totalsJson } from './network';
import { writeOrExplain } from './output';
import { diagnosticsJson, problemLines, reportLines, savingText } from './reportText';
import { type CliText, cliText } from './text';

/** Every rule option as a flag, by its shared name: --channels sets each rule's own channel option. */
function ruleFlags(): Record<string, { key: string; rule: RuleId }[]> {
  const flags: Record<string, { key: string; rule: RuleId }[]> = {};
  for (const rule of RULE_IDS) {
    for (const f of optionFields(rules[rule].options)) {
      flags[f.alias] = [...(flags[f.alias] ?? []), { key: f.key, rule }];
    }
  }
  return flags;
}

const flags = ruleFlags();

/** A flag's help: what it sets in each rule that takes it, in the help's language. */
const flagHelp =
  (fields: readonly { key: string; rule: RuleId }[]) =>
  ({ language }: CliText): string =>
    fields
      .map((f) => {
        const field = optionFields(rules[f.rule].options, language).find((o) => o.key === f.key);
        return `${f.rule}: ${field?.description ?? ''}`;
      })
      .join('\n');

const flagOptions = Object.fromEntries(
  Object.entries(flags).map(([flag, fields]) => [
    flag,
    { type: 'string', value: flag.toUpperCase(), text: flagHelp(fields) } satisfies OptionSpec,
  ]),
);

/** A number where the text is one, else the text, so the rule's message shows what was typed. */
const numberOrText = (text: string) => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

/** The rule's options from the flags, validated by the rule itself (exit 2 with its message). */
function ruleOptions(rule: RuleId | undefined, values: Record<string, unknown>): Record<string, unknown> {
  const given = Object.keys(flags).filter((flag) => typeof values[flag] === 'string');
  if (!rule) {
    if (given.length) throw new CliError(({ t }) => t('more.factorize.needsRule', { flag: given[0]! }));
    return {};
  }
  const options: Record<string, unknown> = {};
  for (const flag of given) {
    const field = flags[flag]!.find((f) => f.rule === rule);
    if (!field) throw new CliError(({ t }) => t('more.factorize.notForRule', { rule, flag }));
    options[field.key] = numberOrText(values[flag] as string);
  }
  const parsed = rules[rule].options.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const flag = Object.keys(flags).find((f) => flags[f]!.some((x) => x.rule === rule && x.key === key));
    const message = `${flag ? `--${flag}: ` : ''}${issue.message}`;
    throw new CliError(({ t }) => t('more.factorize.invalidOption', { rule, message }));
  }
  return options;
}

function nodeIdByName(graph: Graph, name: string, file: string): string {
  const node = graph.nodes.find((n) => n.name === name) ?? graph.nodes.find((n) => n.id === name);
  if (!node) throw new CliError(({ t }) => t('more.factorize.noNode', { name, file }));
  return node.id;
}

/** Exit code for a rewrite that was refused: the network's own errors are 1, a bad request 2. */
const refusal = (d: TransformDiagnostic) =>
  new CliError(
    ({ language }) => diagnosticText(d, language),
    d.code === 'network-errors' ? ExitCode.networkErrors : ExitCode.badInput,
  );

export const factorizeCommand = defineCommand({
  name: 'factorize',
  positionals: ['FILE'],
  synopsis: `FILE [--rule ${RULE_IDS.join('|')}] (--node NAME | --all)
       [--out NEW_FILE] [--json] [${Object.keys(flags)
         .map((f) => `--${f} ${f.toUpperCase()}`)
         .join('] [')}]`,
  helpValues: ({ language }) => ({
    rules: RULE_IDS.map((id) => `  ${id.padEnd(16)}${ruleLabel(id, language)}`).join('\n'),
  }),
  options: {
    rule: {
      type: 'string',
      value: 'RULE',
      text: ({ t }) => t('more.help.options.rule', { rules: RULE_IDS.join(', ') }),
    },
    node: {
      type: 'string',
      value: 'NAME',
      text: 'node',
    },
    all: {
      type: 'boolean',
      text: ({ t }) => t('more.help.options.all', { factorizations: FACTORIZATION_RULES.join(t('more.args.and')) }),
    },
    out: { type: 'string', value: 'NEW_FILE', text: 'outProject' },
    json: commonOptions.json,
    'input-shape': commonOptions['input-shape'],
    ...flagOptions,
  },
  async run({ values, positionals: [file] }, io) {
    if (values.rule !== undefined && !isRuleId(values.rule))
      throw new CliError(({ t }) =>
        t('more.factorize.unknownRule', { rule: values.rule!, rules: RULE_IDS.join(', ') }),
      );
    const rule = values.rule as RuleId | undefined;
    if ((values.node === undefined) === !values.all) throw new CliError(({ t }) => t('more.factorize.nodeOrAll'));
    const options = ruleOptions(rule, values);
    const inputShape = parseInputShape(values['input-shape']);
    const network = await loadNetworkForCli(file!, inputShape);
    const analysis = analyzeGraph(network.graph);
    const text = cliText(io);
    const { t, int } = text;
    if (hasErrors(analysis)) {
      if (values.json) io.out(JSON.stringify({ diagnostics: diagnosticsJson(analysis) }));
      else io.out([t('more.factorize.hasErrors'), '', ...problemLines(analysis, text)].join('\n'));
      return ExitCode.networkErrors;
    }

    let graph = network.graph;
    let rewrites: RewriteReport[];
    let refused: TransformDiagnostic[] = [];
    if (values.node !== undefined) {
      const id = nodeIdByName(graph, values.node, file!);
      if (rule) {
        const result = applyRule(rule, graph, id, options, analysis);
        if (!result.ok) throw refusal(result.diagnostic);
        graph = result.graph;
        rewrites = [result.report];
      } else {
        const [best] = suggest(graph, { nodeIds: [id] }, analysis);
        if (!best) throw new CliError(({ t }) => t('more.factorize.nothingSaves', { node: values.node! }));
        graph = best.graph;
        rewrites = [best.report];
      }
    } else {
      const result = rule ? applyAllOfKind(graph, rule, { options: { [rule]: options } }) : applyEverything(graph);
      if (!result.ok) throw refusal(result.diagnostic);
      graph = result.graph;
      rewrites = result.applied;
      refused = result.refused;
    }

    const after = analyzeGraph(graph).totals;
    const params = costChange(analysis.totals.params, after.params);
    const macs = costChange(analysis.totals.macs, after.macs);
    if (values.out !== undefined) {
      // The project's name is data, not output: the same in every language.
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
    for (const warning of network.warnings) io.err(`${t('severity.warning')}: ${warning.message}`);
    // A rewrite its proof refused is a rule's bug: left out, and said.
    for (const d of refused) io.err(`${t('severity.warning')}: ${diagnosticText(d, text.language)}`);
    const lines: string[] = [];
    if (rewrites.length === 0) {
      const what = rule ? t('more.factorize.ruleNamed', { rule }) : FACTORIZATION_RULES.join(t('more.factorize.or'));
      lines.push(t('more.factorize.nothing', { what, network: network.name }));
    }
    for (const r of rewrites) lines.push(...reportLines(r, text), '');
    lines.push(
      t('more.factorize.applied', { count: rewrites.length }),
      t('more.factorize.params', {
        before: int(params.before),
        after: int(params.after),
        saving: savingText(params, text),
      }),
      t('more.factorize.macs', { before: int(macs.before), after: int(macs.after), saving: savingText(macs, text) }),
    );
    if (values.out !== undefined) lines.push(t('more.factorize.wrote', { file: values.out }));
    io.out(lines.join('\n'));
    return ExitCode.ok;
  },
});

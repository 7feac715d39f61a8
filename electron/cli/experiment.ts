import { analyzeGraph } from '../../shared/analysis';
import { parseVariants, type VariantResult } from '../../shared/experiments';
import { diagnosticText } from '../../shared/i18n';
import { renderText } from '../../shared/i18n/diagnosticText';
import { statusText } from '../../shared/training';
import { parseInputShape } from './args';
import { defineCommand } from './command';
import { CliError, ExitCode } from './io';
import { hasErrors, loadNetworkForCli } from './network';
import { renderTable } from './table';
import { type CliText, cliText } from './text';
import { backendFlag, trainingRequest, trainOptions } from './trainArgs';

const { save: _save, ...options } = trainOptions;

const DEFAULT_VARIANTS = 'original,factorized,smoothing=0.1';

function table(rows: VariantResult[], { t, int, decimal, language }: CliText): string {
  const pct = (v: number | null) => (v === null ? '—' : decimal(`${(v * 100).toFixed(1)}%`));
  const header = (['variant', 'params', 'macs', 'msPerStep', 'valAccuracy', 'ece', 'status'] as const).map((k) =>
    t(`more.experiment.${k}`),
  );
  return renderTable(
    header,
    rows.map((r) => [
      r.name,
      int(r.params),
      int(r.macs),
      r.msPerStep === null ? '—' : decimal(r.msPerStep.toFixed(1)),
      pct(r.valAccuracy),
      pct(r.ece),
      statusText(r.status, language),
    ]),
    [false, true, true, true, true, true, false],
  );
}

export const experimentCommand = defineCommand({
  name: 'experiment',
  positionals: ['FILE'],
  synopsis: `FILE [--variants original,factorized,smoothing=EPS,...] [--epochs E] [--json]
         [and the data and training options of train: --dataset, --samples, --batch-size, --seed, ...]`,
  helpValues: () => ({ defaultVariants: DEFAULT_VARIANTS }),
  options: {
    variants: {
      type: 'string',
      value: 'LIST',
      text: ({ t }) => t('more.help.options.variants', { defaultVariants: DEFAULT_VARIANTS }),
    },
    ...options,
  },
  async run({ values, positionals: [file] }, io) {
    const variants = parseVariants(values.variants ?? DEFAULT_VARIANTS);
    if (!variants.ok) {
      const said = variants.text;
      throw new CliError(({ language }) => `--variants: ${renderText(said, language)}`);
    }
    const request = trainingRequest({ ...values, save: undefined });
    const backend = backendFlag(values.backend);
    if (backend) process.env.NETWRIGHT_BACKEND = backend;
    const network = await loadNetworkForCli(file!, parseInputShape(values['input-shape']));
    const analysis = analyzeGraph(network.graph);
    const text = cliText(io);
    if (hasErrors(analysis)) {
      io.err(text.t('more.experiment.hasErrors'));
      return ExitCode.networkErrors;
    }
    const { TrainingService } = await import('../services/train');
    const { runExperiment } = await import('../services/train/experiment');
    const service = new TrainingService({ runsDir: null });
    let stop = false;
    const interrupt = () => {
      stop = true;
      for (const r of latest) if (r.status === 'training' && r.runId) service.cancel(r.runId);
    };
    let latest: VariantResult[] = [];
    process.once('SIGINT', interrupt);
    let rows: VariantResult[];
    try {
      rows = await runExperiment(
        service,
        { graph: network.graph, networkName: network.name, variants: variants.variants, options: request },
        (update, current) => {
          latest = update.map((r) => ({ ...r }));
          const training = current === null ? undefined : update.find((r) => r.runId === current);
          if (training)
            io.err(text.t('more.experiment.training', { name: training.name, params: text.int(training.params) }));
        },
        () => stop,
      );
    } finally {
      process.removeListener('SIGINT', interrupt);
      await service.dispose();
    }
    if (values.json) {
      const out = rows.map(({ name, params, macs, msPerStep, valAccuracy, ece, status, runId }) => ({
        name,
        params,
        macs,
        msPerStep,
        valAccuracy,
        ece,
        status,
        runId,
      }));
      io.out(JSON.stringify({ variants: out }));
    } else io.out(table(rows, text));
    for (const r of rows)
      if (r.message && r.status !== 'completed')
        io.err(`${r.name}: ${diagnosticText({ message: r.message, text: r.text }, text.language)}`);
    if (stop) return 130;
    if (rows.some((r) => r.status === 'failed' && /dataset|Invalid training options/i.test(r.message ?? '')))
      return ExitCode.badInput;
    return rows.every((r) => r.status === 'completed') ? ExitCode.ok : ExitCode.networkErrors;
  },
});

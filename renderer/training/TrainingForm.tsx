import { useId, useState } from 'react';
import { datasetKinds } from '../../shared/training/datasetSpec';
import {
  batchNormStatisticsKinds,
  optimizerKinds,
  scheduleKinds,
  type TrainingOptionsInput,
} from '../../shared/training/options';
import { useText } from '../i18n/useText';
import { parseNumberText } from '../inspector/fieldModel';
import { useHeldText } from '../inspector/useHeldText';
import type { BackendChoice } from './backendChoices';
import { useTrainingStore } from './trainingStore';

type Dataset = NonNullable<TrainingOptionsInput['dataset']>;

function Row({
  label,
  error,
  wide,
  children,
}: {
  label: string;
  error?: string | undefined;
  /** Label above the control: for choices whose words would not fit beside it. */
  wide?: boolean;
  children: (id: string) => React.ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field${wide ? ' wide' : ''}${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** A number field that keeps what is typed ("0.", ".1", "0,1") and says when it is no number. */
function NumberInput({
  id,
  value,
  placeholder,
  integer,
  onValue,
  onProblem,
}: {
  id: string;
  value: number | undefined;
  placeholder?: string | undefined;
  integer?: boolean;
  onValue(value: number | undefined): void;
  onProblem(problem: string | undefined): void;
}) {
  const { t, decimal } = useText();
  const shown = value === undefined || Number.isNaN(value) ? '' : String(value);
  const [text, setText] = useHeldText(shown, (t) => {
    const typed = parseNumberText(t);
    return typed === value || (Number.isNaN(typed) && Number.isNaN(value));
  });
  return (
    <input
      id={id}
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const typed = parseNumberText(e.target.value);
        const bad = typed !== undefined && Number.isNaN(typed);
        onProblem(
          bad
            ? t('panels.form.notANumber', { text: e.target.value.trim(), example: integer ? '32' : decimal('0.1') })
            : undefined,
        );
        // NaN keeps the options invalid (Train stays disabled) until the entry is a number.
        onValue(typed);
      }}
    />
  );
}

/** "WebGL: ANGLE (…)" as it is; "wasm failed to …" with its label in front. */
const reasonLine = (c: BackendChoice) => (c.reason.startsWith(`${c.label}:`) ? c.reason : `${c.label}: ${c.reason}`);

/** Where the run trains: automatic or one backend, with why each one can or cannot be used here. */
function BackendRow({ choices, automatic }: { choices: BackendChoice[]; automatic: BackendChoice['value'] | null }) {
  const { t } = useText();
  const choice = useTrainingStore((s) => s.backend);
  const setBackend = useTrainingStore((s) => s.setBackend);
  const effective = choices.find((c) => c.value === (choice === 'auto' ? automatic : choice));
  const unavailable = choices.filter((c) => !c.ok);
  return (
    <>
      <Row label={t('panels.form.backend')} wide>
        {(id) => (
          <select
            id={id}
            data-testid="train-backend"
            value={choice}
            onChange={(e) => setBackend(e.target.value as BackendChoice['value'] | 'auto')}
          >
            <option value="auto">
              {effective && choice === 'auto'
                ? t('panels.form.automaticWith', { backend: effective.label })
                : t('panels.form.automatic')}
            </option>
            {choices.map((c) => (
              <option key={c.value} value={c.value} disabled={!c.ok} title={c.reason}>
                {c.label}
                {c.ok ? '' : t('panels.form.notHere')}
              </option>
            ))}
          </select>
        )}
      </Row>
      {effective && (
        <p className="small muted backend-reason" data-testid="train-backend-reason">
          {reasonLine(effective)}
        </p>
      )}
      {unavailable.length > 0 && (
        <details className="small muted backend-unavailable">
          <summary>{t('panels.form.notAvailable', { count: unavailable.length })}</summary>
          <ul data-testid="train-backend-unavailable">
            {unavailable.map((c) => (
              <li key={c.value}>{reasonLine(c)}</li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/** The training settings; every value is checked by the same schema the main process uses. */
export function TrainingForm({
  errors,
  disabled,
  choices,
  automatic,
}: {
  errors: Map<string, string>;
  disabled: boolean;
  choices: BackendChoice[];
  automatic: BackendChoice['value'] | null;
}) {
  const { t } = useText();
  const options = useTrainingStore((s) => s.options);
  const set = useTrainingStore((s) => s.setOptions);
  const dataset = (options.dataset ?? { kind: 'synthetic' }) as Dataset;
  const setDataset = (patch: Record<string, unknown>) => set({ dataset: { ...dataset, ...patch } as Dataset });
  const [problems, setProblems] = useState<Record<string, string | undefined>>({});
  const problemOf = (key: string) => (problem: string | undefined) => setProblems((p) => ({ ...p, [key]: problem }));
  const numberField = (label: string, key: keyof TrainingOptionsInput, placeholder?: string) => (
    <Row label={label} error={problems[key] ?? errors.get(key)}>
      {(id) => (
        <NumberInput
          id={id}
          integer={['epochs', 'batchSize', 'seed'].includes(key)}
          placeholder={placeholder}
          value={options[key] as number | undefined}
          onValue={(v) => set({ [key]: v } as Partial<TrainingOptionsInput>)}
          onProblem={problemOf(key)}
        />
      )}
    </Row>
  );
  return (
    <fieldset className="training-form" disabled={disabled}>
      <BackendRow choices={choices} automatic={automatic} />
      <Row label={t('panels.form.dataset')} wide error={errors.get('dataset') ?? errors.get('dataset.kind')}>
        {(id) => (
          <select id={id} value={dataset.kind} onChange={(e) => set({ dataset: { kind: e.target.value } as Dataset })}>
            {datasetKinds.map((k) => (
              <option key={k} value={k}>
                {t(`panels.form.datasets.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Row>
      {'path' in dataset || ['idx', 'cifar10', 'folder'].includes(dataset.kind) ? (
        <Row label={t('panels.form.path')} error={errors.get('dataset.path')}>
          {(id) => (
            <input
              id={id}
              type="text"
              placeholder={
                dataset.kind === 'folder' ? t('panels.form.folderPlaceholder') : t('panels.form.filesPlaceholder')
              }
              value={(dataset as { path?: string }).path ?? ''}
              onChange={(e) => setDataset({ path: e.target.value })}
            />
          )}
        </Row>
      ) : null}
      <Row label={t('panels.form.samples')} error={problems.samples ?? errors.get('dataset.samples')}>
        {(id) => (
          <NumberInput
            id={id}
            integer
            placeholder={t('panels.form.all')}
            value={(dataset as { samples?: number }).samples}
            onValue={(v) => setDataset({ samples: v })}
            onProblem={problemOf('samples')}
          />
        )}
      </Row>
      {numberField(t('panels.form.epochs'), 'epochs')}
      {numberField(t('panels.form.batchSize'), 'batchSize')}
      {numberField(t('panels.form.labelSmoothing'), 'labelSmoothing')}
      <Row label={t('panels.form.optimizer')} error={errors.get('optimizer')}>
        {(id) => (
          <select
            id={id}
            value={options.optimizer ?? 'adam'}
            onChange={(e) => set({ optimizer: e.target.value as TrainingOptionsInput['optimizer'] })}
          >
            {optimizerKinds.map((o) => (
              <option key={o} value={o}>
                {t(`panels.form.optimizers.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Row>
      {numberField(t('panels.form.learningRate'), 'learningRate', t('panels.form.optimizerDefault'))}
      <Row label={t('panels.form.schedule')} error={errors.get('schedule')}>
        {(id) => (
          <select
            id={id}
            value={options.schedule ?? 'constant'}
            onChange={(e) => set({ schedule: e.target.value as TrainingOptionsInput['schedule'] })}
          >
            {scheduleKinds.map((k) => (
              <option key={k} value={k}>
                {t(`panels.form.schedules.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Row>
      {numberField(t('panels.form.weightDecay'), 'weightDecay')}
      {numberField(t('panels.form.validationSplit'), 'validationSplit')}
      <Row label={t('panels.form.batchNorm')} error={errors.get('batchNormStatistics')}>
        {(id) => (
          <select
            id={id}
            value={options.batchNormStatistics ?? 'recompute'}
            title={t('panels.form.batchNormTitle')}
            onChange={(e) =>
              set({ batchNormStatistics: e.target.value as TrainingOptionsInput['batchNormStatistics'] })
            }
          >
            {batchNormStatisticsKinds.map((k) => (
              <option key={k} value={k}>
                {k === 'recompute' ? t('panels.form.recompute') : t('panels.form.movingAverage')}
              </option>
            ))}
          </select>
        )}
      </Row>
      {numberField(t('panels.form.seed'), 'seed', t('panels.form.random'))}
    </fieldset>
  );
}

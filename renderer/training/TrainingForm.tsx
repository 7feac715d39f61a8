import { useId, useState } from 'react';
import { datasetKinds } from '../../shared/training/datasetSpec';
import {
  batchNormStatisticsKinds,
  optimizerKinds,
  scheduleKinds,
  type TrainingOptionsInput,
} from '../../shared/training/options';
import { parseNumberText } from '../inspector/fieldModel';
import { useHeldText } from '../inspector/useHeldText';
import type { BackendChoice } from './backendChoices';
import { useTrainingStore } from './trainingStore';

type Dataset = NonNullable<TrainingOptionsInput['dataset']>;

function Row({
  label,
  error,
  children,
}: {
  label: string;
  error?: string | undefined;
  children: (id: string) => React.ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
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
            ? `"${e.target.value.trim()}" is not a number: type digits such as ${integer ? '32' : '0.1'}.`
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
  const choice = useTrainingStore((s) => s.backend);
  const setBackend = useTrainingStore((s) => s.setBackend);
  const effective = choices.find((c) => c.value === (choice === 'auto' ? automatic : choice));
  const unavailable = choices.filter((c) => !c.ok);
  return (
    <>
      <Row label="Backend">
        {(id) => (
          <select
            id={id}
            data-testid="train-backend"
            value={choice}
            onChange={(e) => setBackend(e.target.value as BackendChoice['value'] | 'auto')}
          >
            <option value="auto">Automatic{effective && choice === 'auto' ? ` (${effective.label})` : ''}</option>
            {choices.map((c) => (
              <option key={c.value} value={c.value} disabled={!c.ok} title={c.reason}>
                {c.label}
                {c.ok ? '' : ' (not available here)'}
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
          <summary>Not available here ({unavailable.length})</summary>
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
      <Row label="Dataset" error={errors.get('dataset') ?? errors.get('dataset.kind')}>
        {(id) => (
          <select id={id} value={dataset.kind} onChange={(e) => set({ dataset: { kind: e.target.value } as Dataset })}>
            {datasetKinds.map((k) => (
              <option key={k} value={k}>
                {k === 'synthetic'
                  ? 'built-in shapes (synthetic)'
                  : k === 'mnist'
                    ? 'MNIST (built-in, 10,000 digits)'
                    : k}
              </option>
            ))}
          </select>
        )}
      </Row>
      {'path' in dataset || ['idx', 'cifar10', 'folder'].includes(dataset.kind) ? (
        <Row label="Path" error={errors.get('dataset.path')}>
          {(id) => (
            <input
              id={id}
              type="text"
              placeholder={dataset.kind === 'folder' ? '/data/images (one folder per class)' : '/data/files'}
              value={(dataset as { path?: string }).path ?? ''}
              onChange={(e) => setDataset({ path: e.target.value })}
            />
          )}
        </Row>
      ) : null}
      <Row label="Samples" error={problems.samples ?? errors.get('dataset.samples')}>
        {(id) => (
          <NumberInput
            id={id}
            integer
            placeholder="all"
            value={(dataset as { samples?: number }).samples}
            onValue={(v) => setDataset({ samples: v })}
            onProblem={problemOf('samples')}
          />
        )}
      </Row>
      {numberField('Epochs', 'epochs')}
      {numberField('Batch size', 'batchSize')}
      {numberField('Label smoothing ε', 'labelSmoothing')}
      <Row label="Optimizer" error={errors.get('optimizer')}>
        {(id) => (
          <select
            id={id}
            value={options.optimizer ?? 'adam'}
            onChange={(e) => set({ optimizer: e.target.value as TrainingOptionsInput['optimizer'] })}
          >
            {optimizerKinds.map((o) => (
              <option key={o} value={o}>
                {o === 'rmsprop' ? 'RMSProp (decay 0.9, ε 1.0)' : o === 'sgd' ? 'SGD with momentum' : 'Adam'}
              </option>
            ))}
          </select>
        )}
      </Row>
      {numberField('Learning rate', 'learningRate', 'default for the optimizer')}
      <Row label="Schedule" error={errors.get('schedule')}>
        {(id) => (
          <select
            id={id}
            value={options.schedule ?? 'constant'}
            onChange={(e) => set({ schedule: e.target.value as TrainingOptionsInput['schedule'] })}
          >
            {scheduleKinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        )}
      </Row>
      {numberField('Weight decay', 'weightDecay')}
      {numberField('Validation split', 'validationSplit')}
      <Row label="Batch-norm statistics" error={errors.get('batchNormStatistics')}>
        {(id) => (
          <select
            id={id}
            value={options.batchNormStatistics ?? 'recompute'}
            title="What batch normalization uses for validation and in the saved model. Recomputed: averaged over 8 training batches after each epoch. Moving averages: Keras's, which short runs leave far from the data, so validation can sit near chance."
            onChange={(e) =>
              set({ batchNormStatistics: e.target.value as TrainingOptionsInput['batchNormStatistics'] })
            }
          >
            {batchNormStatisticsKinds.map((k) => (
              <option key={k} value={k}>
                {k === 'recompute' ? 'recomputed' : 'moving averages (Keras)'}
              </option>
            ))}
          </select>
        )}
      </Row>
      {numberField('Seed', 'seed', 'random')}
    </fieldset>
  );
}

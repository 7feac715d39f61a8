import { useId } from 'react';
import { datasetKinds } from '../../shared/training/datasetSpec';
import {
  batchNormStatisticsKinds,
  optimizerKinds,
  scheduleKinds,
  type TrainingOptionsInput,
} from '../../shared/training/options';
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

const num = (text: string) => (text.trim() === '' ? undefined : Number(text));

/** The training settings; every value is checked by the same schema the main process uses. */
export function TrainingForm({ errors, disabled }: { errors: Map<string, string>; disabled: boolean }) {
  const options = useTrainingStore((s) => s.options);
  const set = useTrainingStore((s) => s.setOptions);
  const dataset = (options.dataset ?? { kind: 'synthetic' }) as Dataset;
  const setDataset = (patch: Record<string, unknown>) => set({ dataset: { ...dataset, ...patch } as Dataset });
  const numberField = (label: string, key: keyof TrainingOptionsInput, placeholder?: string) => (
    <Row label={label} error={errors.get(key)}>
      {(id) => (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          disabled={disabled}
          placeholder={placeholder}
          value={options[key] === undefined ? '' : String(options[key])}
          onChange={(e) => set({ [key]: num(e.target.value) } as Partial<TrainingOptionsInput>)}
        />
      )}
    </Row>
  );
  return (
    <fieldset className="training-form" disabled={disabled}>
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
      <Row label="Samples" error={errors.get('dataset.samples')}>
        {(id) => (
          <input
            id={id}
            type="text"
            inputMode="numeric"
            placeholder="all"
            value={(dataset as { samples?: number }).samples ?? ''}
            onChange={(e) => setDataset({ samples: num(e.target.value) })}
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

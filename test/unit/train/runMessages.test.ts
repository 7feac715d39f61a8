import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExperiment } from '../../../electron/services/train/experiment';
import { runTrainingJob } from '../../../electron/services/train/runJob';
import { RunStore } from '../../../electron/services/train/runStore';
import { runOutcome, type TrainingService } from '../../../electron/services/train/service';
import { workersInMemory } from '../../../electron/services/train/workerMemory';
import { startGpuTraining } from '../../../renderer/training/gpu/gpuTrainer';
import { analyzeGraph } from '../../../shared/analysis';
import { parseVariants } from '../../../shared/experiments';
import { GraphBuilder } from '../../../shared/graph/builder';
import { type DiagnosticText, diagnosticText } from '../../../shared/i18n';
import { renderText } from '../../../shared/i18n/diagnosticText';
import { getTemplate } from '../../../shared/templates';
import {
  estimateTrainingMemory,
  followedBy,
  memoryRefusal,
  memoryRefusalMessage,
  prepareForTraining,
  runMessage,
  runText,
  statusText,
} from '../../../shared/training';
import { SharedControl } from '../../../trainer/control';
import { type Divergence, divergedMessage, divergedRunMessage } from '../../../trainer/divergence';
import { options, tinyConvNet, useCpu } from './helpers';
import { startedRecord } from './recordFixture';

beforeAll(useCpu);

/** What a run said, in German; its English text must be its message, byte for byte. */
function german(said: { message: string | null; text?: DiagnosticText }): string {
  expect(said.text, 'the message has a text').toBeDefined();
  expect(renderText(said.text!, 'en')).toBe(said.message);
  return diagnosticText({ message: said.message!, text: said.text }, 'de');
}

const budget = { bytes: 2 ** 30, label: '1 GiB' };

describe('what a training run says, in German and English', () => {
  it('a cancel within an epoch names epoch and batch', async () => {
    let batches = 0;
    const control = { state: 'run' as 'run' | 'cancel' };
    const outcome = await runTrainingJob(
      tf,
      { graph: tinyConvNet(), options: options({ epochs: 3 }), memoryBudget: budget },
      {
        control: { state: () => control.state },
        onStatus: () => {},
        onDataset: () => {},
        onBatch: () => {
          if (++batches === 2) control.state = 'cancel';
        },
        onEpoch: () => {},
      },
    );
    expect(outcome.message).toBe('Cancelled at epoch 1, batch 3 of 4.');
    expect(german(outcome)).toBe('Abgebrochen in Epoche 1, Batch 3 von 4.');
  });

  it('a loss far above its start: German numbers, plural by batches', () => {
    const d: Divergence = { kind: 'bound', loss: 6.04e8, start: 1.43, bound: 14.3, batches: 3 };
    const said = divergedRunMessage(d, 1, 4, 30);
    expect(said.message).toBe(divergedMessage(d, 1, 4, 30));
    expect(said.message).toBe(
      'The loss reached 6.04e+8, above 10× its start (1.43) for 3 batches in a row, at epoch 1, batch 4 (learning rate 30.0): training diverged. The learning rate is probably too high: try 3.0, or add batch normalization.',
    );
    expect(german(said)).toBe(
      'Der Verlust lag 3 Batches in Folge über dem 10-Fachen seines Anfangswerts (1,43) und erreichte 6,04e+8 in Epoche 1, Batch 4 (Lernrate 30,0): Das Training ist divergiert. Die Lernrate ist wahrscheinlich zu hoch: Versuchen Sie 3,0 oder fügen Sie Batch-Normalisierung hinzu.',
    );
    const once = divergedRunMessage({ ...d, batches: 1 }, 2, 1, 0.5);
    expect(once.message).toMatch(/for 1 batch in a row, at epoch 2/);
    expect(german(once)).toMatch(/^Der Verlust lag 1 Batch lang über/);
  });

  it('a NaN or infinite loss', () => {
    const nan = divergedRunMessage({ kind: 'not-finite', loss: Number.NaN }, 1, 6, 1000);
    expect(nan.message).toMatch(/^The loss became NaN at epoch 1, batch 6 \(learning rate 1\.00e\+3\)/);
    expect(german(nan)).toMatch(/^Der Verlust wurde NaN in Epoche 1, Batch 6 \(Lernrate 1,00e\+3\): /);
    const inf = divergedRunMessage({ kind: 'not-finite', loss: -Infinity }, 1, 2, 0.1);
    expect(german(inf)).toMatch(
      /^Der Verlust wurde -Infinity in Epoche 1, Batch 2 \(Lernrate 0,100\): .*Versuchen Sie 0,010 /,
    );
  });

  it('a network that cannot be trained, its first problem in German too', () => {
    const relu = tinyConvNet({ activation: 'relu' });
    const net = prepareForTraining(relu, analyzeGraph(relu));
    expect(net.ok).toBe(false);
    if (net.ok) return;
    expect(german({ message: net.error, text: net.text })).toBe(
      'predictions endet in einer relu-Aktivierung; das Training zur Klassifikation braucht Softmax (oder lineare Logits): Setzen Sie die Aktivierung auf Softmax.',
    );
    const b = new GraphBuilder();
    const x = b.input([8, 8, 3]);
    b.add('Conv2D', { filters: 2, kernelSize: [9, 9], padding: 'valid' }, [x], 'big');
    const broken = b.build();
    const analysis = analyzeGraph(broken);
    const refused = prepareForTraining(broken, analysis);
    if (refused.ok) throw new Error('a broken network was accepted');
    const problem = analysis.diagnostics.find((d) => d.severity === 'error')!;
    expect(refused.error).toBe(`The network has errors; fix them first. big: ${problem.message}`);
    expect(german({ message: refused.error, text: refused.text })).toBe(
      `Das Netz enthält Fehler; beheben Sie diese zuerst. big: ${diagnosticText(problem, 'de')}`,
    );
    const vector = new GraphBuilder();
    const v = vector.input([10]);
    vector.add('Dense', { units: 3, activation: 'softmax' }, [v]);
    const flat = vector.build();
    const notImage = prepareForTraining(flat, analyzeGraph(flat));
    if (notImage.ok) throw new Error('a 10-vector was taken for an image');
    expect(german({ message: notImage.error, text: notImage.text })).toBe(
      'Mit Bildern lässt sich nicht trainieren: Die Eingabe ist ein Vektor aus 10 Werten, also kein quadratisches Graustufen- oder RGB-Bild (z. B. 784 = 28×28).',
    );
  });

  it('a run that would not fit: the budget named in German too, German byte counts', () => {
    const a = analyzeGraph(getTemplate('inception-v3')!.build());
    const e = estimateTrainingMemory(a.totals, { batchSize: 256, optimizer: 'rmsprop', momentum: 0 });
    const wasm = { bytes: 4 * 2 ** 30, ...runMessage('budgetWasm') };
    const refused = memoryRefusalMessage(e, { bytes: wasm.bytes, label: wasm.message, text: wasm.text })!;
    expect(refused.message).toBe(memoryRefusal(e, wasm.bytes, 'the 4 GiB the WebAssembly backend can address'));
    expect(german(refused)).toMatch(
      /^Das Training braucht etwa \d+,\d+ GiB bei Batchgröße 256 \(.*\), mehr als die 4 GiB, die das WebAssembly-Backend adressieren kann\. Verringern Sie die Batchgröße auf \d+ oder weniger/,
    );
    const workers = workersInMemory(e, 8, true, { bytes: 2 ** 40, label: wasm.message, text: wasm.text }).refusal;
    expect(workers).toBeNull();
    const tight = { ...e, parameterBytes: 2 ** 30, optimizerBytes: 0, datasetBytes: 0, activationBytes: 2 ** 29 };
    const four = workersInMemory(tight, 4, true, { bytes: 3 * 2 ** 30, label: wasm.message, text: wasm.text });
    expect(four.refusal!.message).toMatch(/^4 training workers need about 4\.5 GiB .* use 2 workers or fewer\.$/);
    expect(german(four.refusal!)).toMatch(
      /^4 Trainings-Worker brauchen etwa 4,5 GiB .* mehr als die 4 GiB, die das WebAssembly-Backend adressieren kann: Verwenden Sie 2 Worker oder weniger\.$/,
    );
  });

  it('a run whose thread ended without a word: cancelled before it began, or stopped', () => {
    const control = new SharedControl();
    expect(german(runOutcome([null], control))).toBe('Der Trainings-Thread wurde unerwartet beendet.');
    control.set('cancel');
    expect(german(runOutcome([null], control))).toBe('Abgebrochen, bevor das Training begann.');
  });

  it('a second sentence after the first (the model could not be saved), English joined by a space', () => {
    const cancelled = {
      message: 'Cancelled at epoch 2, batch 1 of 4.',
      text: runText('cancelledAt', { epoch: 2, batch: 1, batches: 4 }),
    };
    const saved = followedBy(cancelled, runText('modelNotSaved', { reason: 'ENOSPC: no space left on device' }));
    expect(saved.message).toBe(
      'Cancelled at epoch 2, batch 1 of 4. The trained model could not be saved: ENOSPC: no space left on device',
    );
    expect(german(saved)).toBe(
      'Abgebrochen in Epoche 2, Batch 1 von 4. Das trainierte Modell konnte nicht gespeichert werden: ENOSPC: no space left on device',
    );
    // A message from before texts existed stays as it was, in English, with the German after it.
    const old = followedBy({ message: 'Some old words.' }, runText('modelNotKept', { reason: 'bad header' }));
    expect(old.message).toBe('Some old words. The trained model was not kept: bad header.');
    expect(german(old)).toBe('Some old words. Das trainierte Modell wurde nicht behalten: bad header.');
    expect(followedBy({ message: null }, runText('threadStopped')).message).toBe(
      'The training thread stopped unexpectedly.',
    );
  });

  it('a run left running when Netwright closed is stored as interrupted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'netwright-runmsg-'));
    const record = { ...startedRecord('run-left'), status: 'running' as const };
    mkdirSync(path.join(dir, record.id));
    writeFileSync(path.join(dir, record.id, 'run.json'), JSON.stringify(record));
    const [loaded] = await new RunStore(dir).loadAll();
    expect(loaded!.message).toBe('Interrupted: Netwright closed while this run was training.');
    expect(german(loaded!)).toBe('Unterbrochen: Netwright wurde geschlossen, während dieser Lauf trainierte.');
  });

  it('an experiment cancelled before a variant says so in that row', async () => {
    const variants = parseVariants('original,smoothing=0.1');
    if (!variants.ok) throw new Error(variants.error);
    const rows = await runExperiment(
      {} as TrainingService, // never asked: cancelled before the first variant
      { graph: tinyConvNet(), networkName: 'tiny', variants: variants.variants, options: { epochs: 1 } },
      () => {},
      () => true,
    );
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(german(rows[0]!)).toBe('Das Experiment wurde vor dieser Variante abgebrochen.');
    expect(statusText(rows[0]!.status, 'de')).toBe('abgebrochen');
    expect(statusText(rows[0]!.status, 'en')).toBe('cancelled');
  });

  it("the window's GPU worker that fails outright", async () => {
    const listeners: Record<string, (event: { message: string }) => void> = {};
    const worker = {
      addEventListener: (type: string, listener: (event: { message: string }) => void) => {
        listeners[type] = listener;
      },
      postMessage: () => {},
      terminate: () => {},
    } as unknown as Worker;
    const run = startGpuTraining(
      worker,
      {
        backend: 'webgl',
        graph: tinyConvNet(),
        options: options(),
        memoryBudget: budget,
        dataset: {} as never,
      },
      () => {},
    );
    listeners.error!({ message: 'Script error.' });
    const outcome = await run.outcome;
    expect(outcome.message).toBe('The GPU training worker failed: Script error.');
    expect(german(outcome)).toBe('Der GPU-Trainings-Worker ist fehlgeschlagen: Script error.');
  });
});

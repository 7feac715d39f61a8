import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiHandler } from '../../../electron/services/apiHandler';
import { TrainingService } from '../../../electron/services/train';
import type { RunRecord } from '../../../shared/training';
import { refusal } from '../refusal';
import { startedRecord } from './recordFixture';

/** A service over a runs folder holding one finished run (no model kept). */
function serviceWith(record: RunRecord): TrainingService {
  const dir = mkdtempSync(path.join(tmpdir(), 'netwright-refusals-'));
  mkdirSync(path.join(dir, record.id));
  writeFileSync(path.join(dir, record.id, 'run.json'), JSON.stringify(record));
  return new TrainingService({
    runsDir: dir,
    keepRunsDir: null,
    backend: async () => ({ name: 'cpu', reason: 'tests', attempts: [] }),
    memoryBudget: () => ({ bytes: 2 ** 30, label: 'the test budget' }),
  });
}

function finished(status: RunRecord['status']): RunRecord {
  return { ...startedRecord('run-done'), name: 'erster', status, finishedAt: new Date().toISOString() };
}

describe('training refusals in German', () => {
  it('no such run, and a run that is not training', async () => {
    const s = serviceWith(finished('completed'));
    expect(await refusal(() => s.get('run-nope'))).toEqual({
      en: 'There is no run run-nope.',
      de: 'Es gibt keinen Lauf run-nope.',
      carried: true,
    });
    await s.list();
    expect(await refusal(() => s.cancel('run-done'))).toEqual({
      en: 'Run erster is not training (it is completed).',
      de: 'Lauf erster trainiert nicht (sein Status ist „abgeschlossen“).',
      carried: true,
    });
    expect(await refusal(() => s.pause('run-nope'))).toMatchObject({ de: 'Es gibt keinen Lauf run-nope.' });
  });

  it('a run without a model to export or save', async () => {
    const cancelled = serviceWith(finished('cancelled'));
    expect(await refusal(() => cancelled.exportModel('run-done'))).toEqual({
      en: 'Run erster has no trained model to export: it is cancelled.',
      de: 'Lauf erster hat kein trainiertes Modell zum Exportieren: sein Status ist „abgebrochen“.',
      carried: true,
    });
    const diverged = serviceWith(finished('diverged'));
    expect(await refusal(() => diverged.exportModel('run-done'))).toEqual({
      en: 'Run erster has no trained model to export: it diverged (its weights are useless).',
      de: 'Lauf erster hat kein trainiertes Modell zum Exportieren: er ist divergiert (seine Gewichte sind unbrauchbar).',
      carried: true,
    });
    expect(await refusal(() => diverged.saveModelFiles('run-done', tmpdir()))).toEqual({
      en: 'Run erster has no trained model to save.',
      de: 'Lauf erster hat kein trainiertes Modell zum Speichern.',
      carried: true,
    });
  });

  it('a GPU run started the wrong way, and invalid options, field by field', async () => {
    const s = serviceWith(finished('completed'));
    const graph = { layers: [], edges: [] } as never;
    expect(await refusal(() => s.start({ graph, options: {}, backend: 'webgl' }))).toEqual({
      en: "WebGL runs train in the window's GPU worker: start them with trainStartGpu.",
      de: 'WebGL-Läufe trainieren im GPU-Worker des Fensters: Starten Sie sie mit trainStartGpu.',
      carried: true,
    });
    expect(await refusal(() => s.plan({ graph, options: { epochs: 0 } }))).toEqual({
      en: 'Invalid training options: epochs: expected a whole number of epochs from 1 to 10,000, got 0',
      de: 'Ungültige Trainingseinstellungen: epochs: eine ganze Zahl von Epochen von 1 bis 10.000 erwartet, 0 erhalten',
      carried: true,
    });
    expect(await refusal(() => s.plan({ graph, options: { dataset: { kind: 'imagenet' } } }))).toMatchObject({
      de: "Ungültige Trainingseinstellungen: dataset.kind: eine Datensatzart ('synthetic', 'mnist', 'idx', 'cifar10' oder 'folder') erwartet, \"imagenet\" erhalten",
      carried: true,
    });
  });

  it('crosses the API with its text', async () => {
    const s = serviceWith(finished('completed'));
    const handler = createApiHandler({ trainCancel: async (r: { runId: string }) => s.cancel(r.runId) } as never);
    const result = await handler('trainCancel', { runId: 'run-x' });
    expect(result).toMatchObject({ ok: false, error: { text: { key: 'training.noRun', values: { id: 'run-x' } } } });
  });
});

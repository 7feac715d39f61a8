import { describe, expect, it } from 'vitest';
import { apiEvents } from '../../../shared/api';
import {
  GpuReport,
  RunRecord,
  RunSummary,
  runMessage,
  TrainFinishedEvent,
  TrainStatusEvent,
} from '../../../shared/training';
import { startedRecord } from './recordFixture';

const cancelled = runMessage('cancelledAt', { epoch: 1, batch: 3, batches: 10 });

/** A record as Netwright wrote it before runs kept texts: a message, no `text`. */
const oldRecord = () => ({
  ...startedRecord(),
  status: 'cancelled',
  finishedAt: '2026-01-01T00:00:00.000Z',
  message: 'Cancelled at epoch 1, batch 3 of 10.',
});

describe('the run schemas with texts', () => {
  it('read a record kept before texts existed: no text, the message as it was', () => {
    const parsed = RunRecord.parse(JSON.parse(JSON.stringify(oldRecord())));
    expect(parsed.text).toBeUndefined();
    expect(parsed.message).toBe('Cancelled at epoch 1, batch 3 of 10.');
    expect(RunSummary.parse({ ...oldRecord(), final: null }).text).toBeUndefined();
  });

  it('keep a text through JSON, nested texts and German-formatted values included', () => {
    const record = { ...oldRecord(), ...cancelled };
    const parsed = RunRecord.parse(JSON.parse(JSON.stringify(record)));
    expect(parsed.text).toEqual(cancelled.text);
    const nested = runMessage('diverged', {
      what: { key: 'training.lossNotFinite', values: { value: 'NaN' } },
      epoch: 1,
      batch: 2,
      rate: { decimal: '0.100' },
      suggested: { decimal: '0.010' },
    });
    expect(RunRecord.parse({ ...record, ...nested }).text).toEqual(nested.text);
  });

  it('refuse a text that is not one (a plain string)', () => {
    expect(RunRecord.safeParse({ ...oldRecord(), text: 'Abgebrochen' }).success).toBe(false);
  });

  it('carry the text in status and finished events, and take events without one', () => {
    const base = { runId: 'run-1', status: 'cancelled', message: cancelled.message };
    expect(TrainStatusEvent.parse(base).text).toBeUndefined();
    expect(TrainStatusEvent.parse({ ...base, text: cancelled.text }).text).toEqual(cancelled.text);
    const finished = { ...base, failure: null, final: null };
    expect(TrainFinishedEvent.parse(finished).text).toBeUndefined();
    expect(TrainFinishedEvent.parse({ ...finished, text: cancelled.text }).text).toEqual(cancelled.text);
  });

  it("carry it in the GPU window's outcome and an experiment's rows", () => {
    const outcome = { status: 'cancelled', message: cancelled.message, failure: null, model: null };
    const done = (o: object) => GpuReport.parse({ type: 'done', outcome: o }) as Extract<GpuReport, { type: 'done' }>;
    expect(done(outcome).outcome.text).toBeUndefined();
    expect(done({ ...outcome, text: cancelled.text }).outcome.text).toEqual(cancelled.text);
    const row = {
      name: 'original',
      runId: null,
      status: 'cancelled',
      params: 1,
      macs: 1,
      msPerStep: null,
      valAccuracy: null,
      ece: null,
      message: cancelled.message,
    };
    const update = (r: object) =>
      apiEvents.experimentUpdate.parse({ experimentId: 'e', rows: [r], current: null, done: true });
    expect(update(row).rows[0]!.text).toBeUndefined();
    expect(update({ ...row, text: cancelled.text }).rows[0]!.text).toEqual(cancelled.text);
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunMessage, runMessageText } from '../../../renderer/training/RunMessage';
import { subscribeTrainingEvents, useTrainingStore } from '../../../renderer/training/trainingStore';
import type { ApiEvent, ApiEventPayload, NetwrightBridge } from '../../../shared/api';
import type { Language } from '../../../shared/i18n';
import { runMessage } from '../../../shared/training';

/** The main side as the window sees it: events pushed by the test, runsList answered empty. */
const listeners = new Map<string, (payload: unknown) => void>();
const bridge = {
  invoke: async () => ({ ok: true, value: [] }),
  on: (event: string, listener: (payload: unknown) => void) => {
    listeners.set(event, listener);
    return () => listeners.delete(event);
  },
} as unknown as NetwrightBridge;
const emit = <E extends ApiEvent>(event: E, payload: ApiEventPayload<E>) => listeners.get(event)!(payload);

const g = globalThis as { window?: unknown };
const hadWindow = 'window' in g;
beforeAll(() => {
  g.window = { netwright: bridge };
  subscribeTrainingEvents();
});
afterAll(() => {
  if (!hadWindow) delete g.window;
});

const shown = (run: Parameters<typeof runMessageText>[0], language: Language) =>
  renderToStaticMarkup(createElement(RunMessage, { run, language, className: 'small field-error' }));

describe("the training panel's run message", () => {
  it('keeps the text of a finished run and shows it in German, the English as recorded', () => {
    const said = runMessage('cancelledAt', { epoch: 1, batch: 3, batches: 10 });
    useTrainingStore.getState().begin('run-1', 'cpu');
    emit('trainFinished', { runId: 'run-1', status: 'cancelled', ...said, failure: null, final: null });
    const live = useTrainingStore.getState().live!;
    expect(live).toMatchObject({ status: 'cancelled', message: 'Cancelled at epoch 1, batch 3 of 10.' });
    expect(shown(live, 'de')).toBe(
      '<div class="small field-error" data-testid="run-message">Abgebrochen in Epoche 1, Batch 3 von 10.</div>',
    );
    expect(shown(live, 'en')).toContain('>Cancelled at epoch 1, batch 3 of 10.</div>');
  });

  it('drops an earlier text when a status comes without one', () => {
    useTrainingStore.getState().begin('run-2', 'cpu');
    emit('trainStatus', { runId: 'run-2', status: 'failed', ...runMessage('threadStopped') });
    expect(runMessageText(useTrainingStore.getState().live!, 'de')).toBe(
      'Der Trainings-Thread wurde unerwartet beendet.',
    );
    emit('trainStatus', { runId: 'run-2', status: 'failed', message: 'An English-only reason.' });
    expect(useTrainingStore.getState().live!.text).toBeUndefined();
    expect(runMessageText(useTrainingStore.getState().live!, 'de')).toBe('An English-only reason.');
  });

  it('shows a run kept before texts existed by its English message, and nothing without one', () => {
    expect(shown({ message: 'Cancelled at epoch 2, batch 1 of 4.' }, 'de')).toContain(
      '>Cancelled at epoch 2, batch 1 of 4.</div>',
    );
    expect(shown({ message: null }, 'de')).toBe('');
  });

  it("shows an experiment row's reason in German", () => {
    const row = runMessage('experimentCancelled');
    expect(runMessageText(row, 'de')).toBe('Das Experiment wurde vor dieser Variante abgebrochen.');
  });
});

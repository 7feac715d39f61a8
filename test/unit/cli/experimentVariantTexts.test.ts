import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run';
import { TrainingService } from '../../../electron/services/train';
import { trainingMethods } from '../../../electron/services/train/apiMethods';
import { errorText, textOfError } from '../../../shared/api';
import { parseVariants, variantGraph } from '../../../shared/experiments';
import { GraphBuilder } from '../../../shared/graph/builder';
import { createProjectFile, serializeProject } from '../../../shared/graph/projectFile';
import { english, renderText } from '../../../shared/i18n/diagnosticText';

/** A bad list's English error (unchanged) and its German text. */
function refused(list: string): { en: string; de: string } {
  const parsed = parseVariants(list);
  if (parsed.ok) throw new Error(`${list} was read`);
  expect(parsed.text, parsed.error).toBeDefined();
  expect(english(parsed.text!)).toBe(parsed.error);
  return { en: parsed.error, de: renderText(parsed.text!, 'de') };
}

function denseNet() {
  const b = new GraphBuilder();
  const x = b.add('Flatten', {}, [b.input([4, 4, 1])]);
  b.add('Dense', { units: 3, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}

describe('experiment variant errors in German', () => {
  it('every bad list says what is wrong in both languages', () => {
    expect(refused('original,pruned')).toEqual({
      en: 'Unknown variant "pruned": use original, factorized, smoothing=EPS, or a + of them (factorized+smoothing=0.1).',
      de: 'Unbekannte Variante „pruned“: Verwenden Sie original, factorized, smoothing=EPS oder eine Verbindung mit + (factorized+smoothing=0.1).',
    });
    expect(refused(' , ')).toEqual({
      en: 'No variants given: use original, factorized, smoothing=EPS, or a + of them (factorized+smoothing=0.1).',
      de: 'Keine Varianten angegeben: Verwenden Sie original, factorized, smoothing=EPS oder eine Verbindung mit + (factorized+smoothing=0.1).',
    });
    expect(refused(Array.from({ length: 13 }, (_, i) => `smoothing=0.0${i}`).join(','))).toEqual({
      en: '13 variants: an experiment trains at most 12.',
      de: '13 Varianten: Ein Experiment trainiert höchstens 12.',
    });
    expect(refused('smoothing=1')).toEqual({
      en: 'Variant "smoothing=1": label smoothing must be in [0, 1), got 1.',
      de: 'Variante „smoothing=1“: Label Smoothing muss in [0, 1) liegen, angegeben ist 1.',
    });
    expect(refused('original,original')).toEqual({
      en: 'Variant "original" is listed twice.',
      de: 'Variante „original“ steht zweimal in der Liste.',
    });
  });

  it('a factorized variant of a network with nothing to factorize', () => {
    const g = variantGraph(denseNet(), { name: 'factorized', factorized: true });
    if (g.ok) throw new Error('factorized');
    expect(g.error).toBe('Variant "factorized": nothing in this network can be factorized.');
    expect(renderText(g.text!, 'de')).toBe('Variante „factorized“: In diesem Netz lässt sich nichts faktorisieren.');
  });

  it('the CLI prints it in its language; the window gets it with the refusal', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'netwright-variants-')), 'dense.netwright');
    writeFileSync(file, serializeProject(createProjectFile('dense', denseNet())));
    const err: string[] = [];
    const code = await runCli(['experiment', file, '--variants', 'original,original'], {
      out: () => {},
      err: (t) => err.push(t),
      language: 'de',
    });
    expect(code).toBe(2);
    expect(err.join('\n')).toBe('netwright: --variants: Variante „original“ steht zweimal in der Liste.');

    const methods = trainingMethods(new TrainingService({ runsDir: null }));
    const refusal = await methods
      .experimentStart({ graph: denseNet(), networkName: 'dense', variants: 'pruned', options: {} } as never)
      .then(
        () => new Error('started'),
        (e: Error) => e,
      );
    expect(textOfError(refusal), refusal.message).toBeDefined();
    expect(errorText(refusal, 'de')).toMatch(/^Unbekannte Variante „pruned“: Verwenden Sie/);
  });
});

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTrainingJob } from '../../../electron/services/train/runJob';
import { GraphBuilder } from '../../../shared/graph/builder';
import { diagnosticText } from '../../../shared/i18n';
import { CompileError, compileGraph } from '../../../trainer/compile/compile';
import { options, quiet, useCpu } from './helpers';

beforeAll(useCpu);

/** A classifier on 8×8×3 with one layer TF.js cannot express as the analysis means it. */
function classifierWith(kind: string, params: Record<string, unknown>) {
  const b = new GraphBuilder();
  let x = b.add(kind, params, [b.input([8, 8, 3])], 'under_test');
  x = b.add('Flatten', {}, [x]);
  b.add('Dense', { units: 3, activation: 'softmax' }, [x], 'predictions');
  return b.build();
}

function refusalOf(kind: string, params: Record<string, unknown>): CompileError {
  try {
    compileGraph(tf, classifierWith(kind, params));
  } catch (err) {
    if (err instanceof CompileError) return err;
    throw err;
  }
  throw new Error(`${kind} compiled`);
}

describe('compile refusals in German', () => {
  it('say what TF.js cannot do, the English message unchanged', () => {
    const elu = refusalOf('ELU', { alpha: 0.5 });
    expect(elu.message).toBe("under_test: TensorFlow.js's ELU has alpha 1 only (alpha 0.5): set alpha to 1");
    expect(diagnosticText(elu, 'de')).toBe(
      'under_test: Die ELU von TensorFlow.js kennt nur alpha 1 (alpha 0,5): Setzen Sie alpha auf 1',
    );
    const swish = refusalOf('Activation', { activation: 'hard_swish' });
    expect(diagnosticText(swish, 'de')).toBe(
      'under_test: TensorFlow.js kennt hard_swish nicht so, wie Keras 3 und PyTorch es definieren (relu6(x + 3) / 6 · x): Verwenden Sie swish oder relu6, um hier zu trainieren, oder exportieren Sie das Netz',
    );
    expect(diagnosticText(refusalOf('UpSampling2D', { interpolation: 'bilinear' }), 'de')).toMatch(
      /^under_test: Das bilineare Hochskalieren von TensorFlow\.js tastet Pixelecken ab/,
    );
  });

  it("are a failed run's message with its text", async () => {
    const outcome = await runTrainingJob(
      tf,
      {
        graph: classifierWith('Conv2D', { filters: 6, kernelSize: 3, padding: 'same', groups: 3 }),
        options: options({ epochs: 1, dataset: { kind: 'synthetic', samples: 12 }, batchSize: 6 }),
        memoryBudget: { bytes: 2 ** 30, label: '' },
      },
      quiet,
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      failure: 'network',
      message:
        'under_test: TensorFlow.js has no grouped convolution (groups 3): set groups to 1, or use DepthwiseConv2D',
    });
    expect(diagnosticText({ message: outcome.message!, text: outcome.text }, 'de')).toBe(
      'under_test: TensorFlow.js hat keine gruppierte Faltung (groups 3): Setzen Sie groups auf 1 oder verwenden Sie DepthwiseConv2D',
    );
  });
});

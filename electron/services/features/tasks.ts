import type * as tfjs from '@tensorflow/tfjs';
import { SharedControl } from '../../../trainer/control';
import {
  describeLayers,
  firstConvFilters,
  inputShapeOf,
  layerActivations,
  maximiseChannel,
} from '../../../trainer/features';
import type { FeatureTask } from './protocol';

const previewIntervalMs = 1000;

/** Runs one task on a loaded model; results are plain data whose typed arrays cross threads. */
export async function runFeatureTask(
  tf: typeof tfjs,
  model: tfjs.LayersModel,
  task: Exclude<FeatureTask, { kind: 'input' | 'onnx' }>,
  onStep: (step: number, steps: number, activation: number, preview?: Float32Array) => void,
): Promise<unknown> {
  switch (task.kind) {
    case 'layers':
      return { layers: describeLayers(model), inputShape: inputShapeOf(model) };
    case 'filters':
      return firstConvFilters(model);
    case 'activations':
      return layerActivations(tf, model, task.layer, task.input);
    case 'maximise': {
      let lastPreview = performance.now();
      return maximiseChannel(
        tf,
        model,
        { layer: task.layer, channel: task.channel, steps: task.steps, seed: task.seed },
        {
          control: new SharedControl(task.control),
          onStep: (s) => onStep(s.step, s.steps, s.activation, s.preview),
          // The picture so far about once a second, so the window can show it taking shape.
          wantsPreview: () => {
            if (performance.now() - lastPreview < previewIntervalMs) return false;
            lastPreview = performance.now();
            return true;
          },
        },
      );
    }
  }
}

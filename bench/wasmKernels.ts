import * as tf from '@tensorflow/tfjs';
import { compileGraph } from '../electron/services/compile/compile';
import { defaultCandidates } from '../electron/services/tfjs';
import { analyzeGraph } from '../shared/analysis';
import type { Graph } from '../shared/graph/types';
import { getTemplate } from '../shared/templates';
import { median, timeRuns } from './machine';

const BATCH = 32;
const CLASSES = 10;

/**
 * wasm's own Conv2DBackpropInput, captured when this module loads (importing
 * tfjs-backend-wasm registers it), before registerWasmTrainingKernels replaces
 * it, so the two can be timed side by side.
 */
const wasmOwnInputGrad = tf.getKernel('Conv2DBackpropInput', 'wasm');

/** The small Inception template with logits out: softmaxCrossEntropy takes logits (a softmax output would be softmaxed twice). */
function smallInceptionLogits(): Graph {
  const graph = getTemplate('small-inception')!.build();
  const head = graph.nodes.find((n) => n.name === 'predictions')!;
  head.params = { ...head.params, activation: 'linear' };
  return graph;
}

/** Median milliseconds of one SGD training step (forward, backward, update) at batch 32 on `backend`. */
async function trainingStepMs(graph: Graph, backend: string, runs: number, warmup: number): Promise<number> {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not initialise`);
  const { model } = compileGraph(tf, graph);
  const x = tf.randomNormal([BATCH, 32, 32, 3], 0, 1, 'float32', 1);
  const classes = tf.tensor1d(
    Array.from({ length: BATCH }, (_, i) => i % CLASSES),
    'int32',
  );
  const labels = tf.oneHot(classes, CLASSES);
  classes.dispose();
  const optimizer = tf.train.sgd(0.01);
  const step = () => {
    const loss = optimizer.minimize(
      () => tf.losses.softmaxCrossEntropy(labels, model.apply(x, { training: true }) as tf.Tensor),
      true,
    )!;
    loss.dataSync(); // wait for the step to finish (and read outside tidy)
    loss.dispose();
  };
  const ms = median(timeRuns(step, runs, warmup));
  tf.dispose([x, labels]);
  optimizer.dispose();
  model.dispose();
  return ms;
}

/** Our Conv2DBackpropInput against wasm's naive loop on the template's own shapes (why we replace it). */
async function inputGradientComparison(): Promise<void> {
  await tf.setBackend('wasm');
  const ours = tf.getKernel('Conv2DBackpropInput', 'wasm')!;
  if (!wasmOwnInputGrad || wasmOwnInputGrad.kernelFunc === ours.kernelFunc) {
    console.log("Conv2DBackpropInput comparison skipped: wasm's own kernel was replaced before this module loaded");
    return;
  }
  // Its C++ binding was set up when wasm initialised: registerWasmTrainingKernels keeps the replaced setupFunc.
  const backend = tf.backend();
  type Shape4D = [number, number, number, number];
  const shapes: [string, Shape4D, Shape4D, number][] = [
    ['3×3 stride 1, 32×32, 32→32', [BATCH, 32, 32, 32], [3, 3, 32, 32], 1],
    ['1×1, 32×32, 72→16', [BATCH, 32, 32, 72], [1, 1, 72, 16], 1],
    ['3×3 stride 2, 32×32, 72→48', [BATCH, 32, 32, 72], [3, 3, 72, 48], 2],
  ];
  console.log('Conv2DBackpropInput at batch 32 (median ms):  wasm own   ours');
  for (const [label, inputShape, filterShape, stride] of shapes) {
    const filter = tf.randomNormal(filterShape, 0, 1, 'float32', 2);
    const dy = tf.tidy(() => tf.conv2d(tf.zeros(inputShape) as tf.Tensor4D, filter as tf.Tensor4D, stride, 'same'));
    const attrs = { strides: stride, pad: 'same', dataFormat: 'NHWC', inputShape } as unknown as tf.NamedAttrMap;
    const time = (kernel: tf.KernelConfig) =>
      median(
        timeRuns(
          () => {
            const out = kernel.kernelFunc({ inputs: { dy, filter }, attrs, backend }) as tf.TensorInfo;
            backend.disposeData(out.dataId);
          },
          5,
          1,
        ),
      );
    console.log(
      `  ${label.padEnd(30)} ${time(wasmOwnInputGrad).toFixed(1).padStart(9)} ${time(ours).toFixed(1).padStart(6)}`,
    );
    tf.dispose([filter, dy]);
  }
}

/**
 * `npm run bench` section: one training step of the small Inception template
 * (32×32×3, batch 32, logits + softmax cross-entropy, SGD) on wasm with our
 * kernels vs the plain-JavaScript cpu backend. GFLOP/s follow the project
 * convention: FLOPs = 2 × MACs, with a training step counted as 3 × the forward
 * MACs (forward, input gradient, filter gradient), MACs from our analysis.
 */
export async function benchWasmKernels(): Promise<void> {
  console.log('\n## Training step on wasm (our backprop kernels) vs cpu: small Inception, 32×32×3, batch 32, SGD');
  await defaultCandidates()
    .find((c) => c.name === 'wasm')!
    .load();
  const graph = smallInceptionLogits();
  const stepFlops = 2 * 3 * analyzeGraph(graph).totals.macs * BATCH;

  const line = (name: string, ms: number) =>
    `${name.padEnd(5)} ${ms.toFixed(1).padStart(9)} ms/step ${((BATCH * 1000) / ms).toPrecision(3).padStart(8)} samples/s ${(stepFlops / ms / 1e6).toPrecision(3).padStart(7)} GFLOP/s`;
  console.log(`training FLOPs per step: ${(stepFlops / 1e9).toFixed(2)} G (2 × 3 × forward MACs × batch)`);
  const wasmMs = await trainingStepMs(graph, 'wasm', 10, 2);
  console.log(`${line('wasm', wasmMs)}   (median of 10 steps)`);
  await inputGradientComparison();
  // The plain-JavaScript backend takes minutes per step at this size: one step, no warm-up.
  const cpuMs = await trainingStepMs(graph, 'cpu', 1, 0);
  console.log(`${line('cpu', cpuMs)}   (one step)`);
  console.log(`wasm speedup over cpu: ${(cpuMs / wasmMs).toFixed(0)}×`);
}

import * as tf from '@tensorflow/tfjs';
import { defaultCandidates } from '../electron/services/tfjs';
import { analyzeGraph } from '../shared/analysis';
import type { Graph } from '../shared/graph/types';
import { getTemplate } from '../shared/templates';
import { compileGraph } from '../trainer/compile/compile';
import { median, timeRuns } from './machine';

const BATCH = 32;
const CLASSES = 10;

/**
 * wasm's own convolution kernels, captured when this module loads (importing
 * tfjs-backend-wasm registers them), before registerWasmTrainingKernels
 * replaces them, so each can be timed beside ours. wasm has no filter gradient.
 */
const wasmOwn = {
  Conv2D: tf.getKernel('Conv2D', 'wasm'),
  Conv2DBackpropInput: tf.getKernel('Conv2DBackpropInput', 'wasm'),
};

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

type Shape4D = [number, number, number, number];

/**
 * Our three convolution kernels against wasm's own (XNNPACK forward, a naive
 * loop for the input gradient) on layers of the template, at batch 32.
 */
async function convolutionComparison(): Promise<void> {
  await tf.setBackend('wasm');
  if (!wasmOwn.Conv2D || !wasmOwn.Conv2DBackpropInput || wasmOwn.Conv2D === tf.getKernel('Conv2D', 'wasm')) {
    console.log("convolution comparison skipped: wasm's own kernels were replaced before this module loaded");
    return;
  }
  // Their C++ bindings were set up when wasm initialised: registerWasmTrainingKernels keeps the replaced setupFunc.
  const backend = tf.backend();
  const layers: [string, Shape4D, Shape4D, number][] = [
    ['3×3 stride 1, 32×32, 32→32', [BATCH, 32, 32, 32], [3, 3, 32, 32], 1],
    ['1×1, 32×32, 72→16', [BATCH, 32, 32, 72], [1, 1, 72, 16], 1],
    ['3×3 stride 2, 32×32, 72→48', [BATCH, 32, 32, 72], [3, 3, 72, 48], 2],
    ['5×5 stride 1, 16×16, 24→32', [BATCH, 16, 16, 24], [5, 5, 24, 32], 1],
  ];
  const time = (kernel: tf.KernelConfig, inputs: tf.NamedTensorInfoMap, attrs: tf.NamedAttrMap) =>
    median(
      timeRuns(
        () => {
          const out = kernel.kernelFunc({ inputs, attrs, backend }) as tf.TensorInfo;
          backend.disposeData(out.dataId);
        },
        5,
        1,
      ),
    );
  const cell = (ms: number) => ms.toFixed(1).padStart(7);
  console.log(
    'convolutions at batch 32, median ms:    forward: wasm   ours | input grad: wasm   ours | filter grad: ours',
  );
  for (const [label, inputShape, filterShape, stride] of layers) {
    const x = tf.randomNormal(inputShape, 0, 1, 'float32', 1);
    const filter = tf.randomNormal(filterShape, 0, 1, 'float32', 2);
    const dy = tf.tidy(() => tf.conv2d(x as tf.Tensor4D, filter as tf.Tensor4D, stride, 'same'));
    const conv = { strides: stride, pad: 'same', dataFormat: 'NHWC', dilations: 1 } as unknown as tf.NamedAttrMap;
    const forward = [wasmOwn.Conv2D, tf.getKernel('Conv2D', 'wasm')!].map((k) => time(k, { x, filter }, conv));
    const inputGrad = [wasmOwn.Conv2DBackpropInput, tf.getKernel('Conv2DBackpropInput', 'wasm')!].map((k) =>
      time(k, { dy, filter }, { ...conv, inputShape } as unknown as tf.NamedAttrMap),
    );
    const filterGrad = time(tf.getKernel('Conv2DBackpropFilter', 'wasm')!, { x, dy }, {
      ...conv,
      filterShape,
    } as unknown as tf.NamedAttrMap);
    console.log(
      `  ${label.padEnd(30)} ${cell(forward[0]!)}${cell(forward[1]!)}        ${cell(inputGrad[0]!)}${cell(inputGrad[1]!)}         ${cell(filterGrad)}`,
    );
    tf.dispose([x, filter, dy]);
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
  await convolutionComparison();
  // The plain-JavaScript backend takes minutes per step at this size: one step, no warm-up.
  const cpuMs = await trainingStepMs(graph, 'cpu', 1, 0);
  console.log(`${line('cpu', cpuMs)}   (one step)`);
  console.log(`wasm speedup over cpu: ${(cpuMs / wasmMs).toFixed(0)}×`);
}

import { defineConfig } from 'vitest/config';

/**
 * Files that mock modules, stub globals, set environment variables or switch TensorFlow.js to
 * the wasm backend: each runs in a fresh module registry. Every other file shares its worker's
 * modules with the files before it (`isolate: false`): TensorFlow.js, onnxruntime and the app's
 * modules load once per worker instead of once per file (the unit run spent ~350 s of its
 * ~1,280 s of file time importing). A new file that changes shared state belongs here.
 */
const isolated = [
  'test/unit/analysis/brokenKinds.test.ts',
  'test/unit/analysis/paramsWork.test.ts',
  'test/unit/api/wsTransport.test.ts',
  'test/unit/cli/experiment.test.ts',
  'test/unit/cli/factorize.test.ts',
  'test/unit/cli/importFailureLanguage.test.ts',
  'test/unit/cli/train.test.ts',
  'test/unit/compile/batchNormTraining.test.ts',
  'test/unit/electron/main.test.ts',
  'test/unit/electron/window.test.ts',
  'test/unit/export/onnx/cli.test.ts',
  'test/unit/features/wasm.test.ts',
  'test/unit/import/onnx/editorImport.test.ts',
  'test/unit/parallel/flatOptimizer.test.ts',
  'test/unit/renderer/actions.test.ts',
  'test/unit/renderer/analysisMemo.test.ts',
  'test/unit/renderer/apiErrorText.test.ts',
  'test/unit/renderer/trainingMessages.test.ts',
  'test/unit/services/backend.test.ts',
  'test/unit/slides/cli.test.ts',
  'test/unit/slides/service.test.ts',
  'test/unit/transforms/suggestInRounds.test.ts',
  'test/unit/wasmKernels/conv2dForward.test.ts',
  'test/unit/wasmKernels/conv2dGradients.test.ts',
  'test/unit/wasmKernels/depthwiseGradients.test.ts',
  'test/unit/wasmKernels/pool2dGrad.test.ts',
  'test/unit/wasmKernels/registration.test.ts',
  'test/unit/wasmKernels/simdModule.test.ts',
  'test/unit/wasmKernels/slice.test.ts',
  'test/unit/wasmKernels/tile.test.ts',
  'test/unit/wasmKernels/trainingStep.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    // Vitest's default leaves one core idle (on 2 cores: one file at a time); most files wait
    // on subprocesses (Python, the CLI, onnxruntime), so every core is worth using.
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
          exclude: isolated,
          isolate: false,
          setupFiles: ['test/unit/sharedSetup.ts'],
        },
      },
      { extends: true, test: { name: 'isolated', include: isolated } },
    ],
  },
});

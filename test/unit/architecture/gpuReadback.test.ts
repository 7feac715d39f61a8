import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The training job runs on WebGPU too, where tfjs's synchronous reads (`dataSync`, `arraySync`)
 * go through a canvas that reads zeros on some adapters (SwiftShader): a run would then see a
 * zero loss and train on nothing. The job and the GPU worker read tensors with `await data()`.
 * trainer/features runs in the services' Node worker only, and the data-parallel step on wasm
 * only (it reads the wasm heap in place): both may read synchronously.
 */
const root = path.resolve(__dirname, '../../..');
const folders = ['trainer', 'renderer/training/gpu'];
const cpuOnly = [path.join('trainer', 'features'), path.join('trainer', 'dataParallel.ts')];

function sources(folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(folder, file))
    .filter((file) => /\.tsx?$/.test(file) && !cpuOnly.some((only) => file.startsWith(only)));
}

describe('code that may run on WebGPU', () => {
  it('reads tensors asynchronously', () => {
    const files = folders.flatMap(sources);
    expect(files.length).toBeGreaterThan(10);
    const synchronous = files.filter((file) =>
      /\.(dataSync|arraySync)\(/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(synchronous).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type BackendCandidate,
  explainLoadFailure,
  selectBackend,
  type TfBackendApi,
} from '../../../electron/services/backend';
import { english, renderText, said } from '../../../shared/i18n/diagnosticText';

function fakeTf(registered: string[]): TfBackendApi & { current: string } {
  return {
    current: '',
    async setBackend(name) {
      if (!registered.includes(name)) return false;
      this.current = name;
      return true;
    },
    async ready() {},
    getBackend() {
      return this.current;
    },
  };
}

const notFound = Object.assign(new Error("Cannot find package '@tensorflow/tfjs-node-gpu'"), {
  code: 'ERR_MODULE_NOT_FOUND',
});
const cudaMissing = new Error('libcudart.so.11.0: cannot open shared object file: No such file or directory');

const why = {
  cuda: said('backend.chosen.cuda'),
  native: said('backend.chosen.native'),
  wasm: said('backend.chosen.wasm'),
  cpu: said('backend.chosen.cpu'),
};
const gpu = english(why.cuda);

function chain(loads: Partial<Record<BackendCandidate['name'], () => Promise<void>>>): BackendCandidate[] {
  const ok = async () => {};
  return [
    { name: 'tensorflow-gpu', tfName: 'tensorflow', load: loads['tensorflow-gpu'] ?? ok, whyChosen: why.cuda },
    { name: 'tensorflow', tfName: 'tensorflow', load: loads.tensorflow ?? ok, whyChosen: why.native },
    { name: 'wasm', tfName: 'wasm', load: loads.wasm ?? ok, whyChosen: why.wasm },
    { name: 'cpu', tfName: 'cpu', load: ok, whyChosen: why.cpu },
  ];
}

describe('backend selection', () => {
  it('takes the first backend that loads and says why each earlier one was not used', async () => {
    const report = await selectBackend(
      fakeTf(['tensorflow', 'wasm', 'cpu']),
      chain({
        'tensorflow-gpu': () => Promise.reject(cudaMissing),
        tensorflow: () => Promise.reject(notFound),
      }),
    );
    expect(report.name).toBe('wasm');
    expect(report.reason).toBe(english(why.wasm));
    expect(report.attempts.map((a) => [a.name, a.ok])).toEqual([
      ['tensorflow-gpu', false],
      ['tensorflow', false],
      ['wasm', true],
    ]);
    expect(report.attempts[0]!.reason).toMatch(/CUDA 11\.2.*cuDNN 8\.1/);
    expect(report.attempts[1]!.reason).toMatch(/not installed/);
  });

  it("skips a backend that loads but fails its check, with the check's message, and takes the next", async () => {
    const candidates = chain({
      'tensorflow-gpu': () => Promise.reject(notFound),
      tensorflow: () => Promise.reject(notFound),
    });
    candidates[2]!.verify = () => {
      throw new Error('its SIMD training kernels could not start');
    };
    const report = await selectBackend(fakeTf(['wasm', 'cpu']), candidates);
    expect(report.name).toBe('cpu');
    expect(report.attempts[2]).toMatchObject({
      name: 'wasm',
      ok: false,
      reason: 'wasm failed to initialise: its SIMD training kernels could not start',
    });
    expect(renderText(report.attempts[2]!.text!, 'de')).toBe(
      'wasm ließ sich nicht initialisieren: its SIMD training kernels could not start',
    );
  });

  it('prefers the GPU when it loads', async () => {
    const report = await selectBackend(fakeTf(['tensorflow', 'wasm', 'cpu']), chain({}));
    expect(report).toEqual({
      name: 'tensorflow-gpu',
      reason: gpu,
      attempts: [{ name: 'tensorflow-gpu', ok: true, reason: gpu, text: why.cuda }],
    });
  });

  it('falls through when a package loads but tfjs cannot initialise its backend', async () => {
    const report = await selectBackend(fakeTf(['cpu']), chain({}));
    expect(report.name).toBe('cpu');
    expect(report.attempts.find((a) => a.name === 'wasm')!.reason).toMatch(/could not initialise 'wasm'/);
  });

  it('honours NETWRIGHT_BACKEND and records the skipped ones', async () => {
    const report = await selectBackend(fakeTf(['tensorflow', 'wasm', 'cpu']), chain({}), 'cpu');
    expect(report.name).toBe('cpu');
    expect(report.reason).toMatch(/NETWRIGHT_BACKEND=cpu/);
    expect(report.attempts.filter((a) => a.reason.startsWith('skipped'))).toHaveLength(3);
  });

  it('ignores an unknown NETWRIGHT_BACKEND and says so', async () => {
    const report = await selectBackend(fakeTf(['tensorflow']), chain({}), 'tpu');
    expect(report.name).toBe('tensorflow-gpu');
    expect(report.reason).toMatch(/NETWRIGHT_BACKEND=tpu ignored/);
  });

  it('fails with every reason when nothing loads', async () => {
    await expect(selectBackend(fakeTf([]), chain({}))).rejects.toThrow(
      /No TensorFlow\.js backend.*tensorflow-gpu.*cpu/,
    );
  });

  it('explains loader failures in words a user can act on', () => {
    expect(explainLoadFailure('tensorflow-gpu', notFound)).toMatch(/tfjs-node-gpu is not installed.*npm install/);
    expect(explainLoadFailure('tensorflow-gpu', notFound)).toBe(
      '@tensorflow/tfjs-node-gpu is not installed (it is optional: npm skips it when its libtensorflow download fails, e.g. offline); needs Linux x64 with CUDA 11.2 and cuDNN 8.1 (libtensorflow 2.9.1); install them, then `npm install @tensorflow/tfjs-node-gpu`.',
    );
    expect(explainLoadFailure('tensorflow-gpu', cudaMissing)).toMatch(/libcudart\.so\.11\.0.*CUDA 12 does not work/);
    expect(explainLoadFailure('tensorflow', new Error('libtensorflow.so.2: cannot open'))).toMatch(/npm rebuild/);
    expect(explainLoadFailure('tensorflow', new Error('weird\nstack'))).toBe(
      '@tensorflow/tfjs-node failed to load: weird',
    );
  });

  it('on this machine picks a backend for real and reports the native ones', async () => {
    const { ensureBackend } = await import('../../../electron/services/tfjs');
    const report = await ensureBackend();
    expect(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']).toContain(report.name);
    expect(report.attempts.at(-1)).toMatchObject({ name: report.name, ok: true });
    for (const failed of report.attempts.slice(0, -1)) expect(failed.reason.length).toBeGreaterThan(20);
  });
});

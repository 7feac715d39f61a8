import type { BackendAttempt, BackendName, BackendReport } from '../../shared/api';
import { errorMessage } from '../../shared/issues';

/** The slice of the tfjs API selection needs, so tests can pass a fake. */
export interface TfBackendApi {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  getBackend(): string;
}

export interface BackendCandidate {
  name: BackendName;
  /** Loads the package that registers the backend; throws with the loader's error. */
  load(): Promise<void>;
  /** The name tfjs registers it under. */
  tfName: string;
  whyChosen: string;
  /** Runs once the backend is ready; throws when it cannot do what Netwright needs of it (it is then skipped). */
  verify?(): void;
}

const tensorflowGpuHelp =
  'needs Linux x64 with CUDA 11.2 and cuDNN 8.1 (libtensorflow 2.9.1); install them, then `npm install @tensorflow/tfjs-node-gpu`';
const tensorflowCpuHelp = 'install it where its libtensorflow download can run: `npm install @tensorflow/tfjs-node`';

/** Turns a loader error into a sentence a user can act on. */
export function explainLoadFailure(name: BackendName, err: unknown): string {
  const message = errorMessage(err);
  const code = (err as { code?: string } | null)?.code;
  const pkg = name === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
  const help = name === 'tensorflow-gpu' ? tensorflowGpuHelp : tensorflowCpuHelp;
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (package|module)/.test(message)) {
    return `${pkg} is not installed (it is optional: npm skips it when its libtensorflow download fails, e.g. offline); ${help}.`;
  }
  const missingLib = /(lib[\w.+-]+\.so[\w.]*)/.exec(message)?.[1];
  if (missingLib?.startsWith('libcudart') || missingLib?.startsWith('libcudnn')) {
    return `${pkg} is installed but ${missingLib} could not be loaded: libtensorflow 2.9.1 needs CUDA 11.2 and cuDNN 8.1 (CUDA 12 does not work); install those runtimes or use @tensorflow/tfjs-node for the CPU.`;
  }
  if (missingLib) {
    return `${pkg} is installed but its native library ${missingLib} could not be loaded; reinstall it with \`npm rebuild ${pkg}\`.`;
  }
  return `${pkg} failed to load: ${message.split('\n')[0]}`;
}

/**
 * Tries each candidate in order and keeps the first that loads and initialises.
 * `forced` (NETWRIGHT_BACKEND) skips the others, so a user can pin a backend.
 */
export async function selectBackend(
  tf: TfBackendApi,
  candidates: readonly BackendCandidate[],
  forced?: string,
): Promise<BackendReport> {
  const attempts: BackendAttempt[] = [];
  const known = candidates.map((c) => c.name).join(', ');
  const forcedValid = forced && candidates.some((c) => c.name === forced);
  for (const candidate of candidates) {
    if (forcedValid && candidate.name !== forced) {
      attempts.push({ name: candidate.name, ok: false, reason: `skipped: NETWRIGHT_BACKEND=${forced}` });
      continue;
    }
    try {
      await candidate.load();
      if (!(await tf.setBackend(candidate.tfName))) throw new Error(`tfjs could not initialise '${candidate.tfName}'`);
      await tf.ready();
      candidate.verify?.();
      const reason = forcedValid ? `chosen by NETWRIGHT_BACKEND=${forced}` : candidate.whyChosen;
      attempts.push({ name: candidate.name, ok: true, reason });
      const ignored = forced && !forcedValid ? ` (NETWRIGHT_BACKEND=${forced} ignored: use one of ${known})` : '';
      return { name: candidate.name, reason: reason + ignored, attempts };
    } catch (err) {
      const reason =
        candidate.name === 'tensorflow-gpu' || candidate.name === 'tensorflow'
          ? explainLoadFailure(candidate.name, err)
          : `${candidate.name} failed to initialise: ${errorMessage(err)}`;
      attempts.push({ name: candidate.name, ok: false, reason });
    }
  }
  throw new Error(
    `No TensorFlow.js backend could be loaded: ${attempts.map((a) => `${a.name}: ${a.reason}`).join(' ')}`,
  );
}

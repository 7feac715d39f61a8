import type { BackendAttempt, BackendName, BackendReport } from '../../shared/api';
import { type DiagnosticText, english, said } from '../../shared/i18n/diagnosticText';
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
  whyChosen: DiagnosticText;
  /** Runs once the backend is ready; throws when it cannot do what Netwright needs of it (it is then skipped). */
  verify?(): void;
}

/** Turns a loader error into a sentence a user can act on (English; its text for other languages). */
export function explainLoadFailure(name: BackendName, err: unknown): string {
  return english(loadFailureText(name, err));
}

function loadFailureText(name: BackendName, err: unknown): DiagnosticText {
  const message = errorMessage(err);
  const code = (err as { code?: string } | null)?.code;
  const pkg = name === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
  const help = said(name === 'tensorflow-gpu' ? 'backend.gpuHelp' : 'backend.cpuHelp');
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (package|module)/.test(message)) {
    return said('backend.notInstalled', { pkg, help });
  }
  const lib = /(lib[\w.+-]+\.so[\w.]*)/.exec(message)?.[1];
  if (lib?.startsWith('libcudart') || lib?.startsWith('libcudnn')) return said('backend.cudaMissing', { pkg, lib });
  if (lib) return said('backend.libMissing', { pkg, lib });
  return said('backend.failedToLoad', { pkg, message: message.split('\n')[0] ?? '' });
}

const attempt = (name: BackendName, ok: boolean, text: DiagnosticText): BackendAttempt => ({
  name,
  ok,
  reason: english(text),
  text,
});

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
      attempts.push(attempt(candidate.name, false, said('backend.skipped', { forced })));
      continue;
    }
    try {
      await candidate.load();
      if (!(await tf.setBackend(candidate.tfName))) throw new Error(`tfjs could not initialise '${candidate.tfName}'`);
      await tf.ready();
      candidate.verify?.();
      const text = forcedValid ? said('backend.forced', { forced }) : candidate.whyChosen;
      const reason = english(text);
      attempts.push(attempt(candidate.name, true, text));
      const ignored = forced && !forcedValid ? ` (NETWRIGHT_BACKEND=${forced} ignored: use one of ${known})` : '';
      return { name: candidate.name, reason: reason + ignored, attempts };
    } catch (err) {
      const text =
        candidate.name === 'tensorflow-gpu' || candidate.name === 'tensorflow'
          ? loadFailureText(candidate.name, err)
          : said('backend.failedToInitialise', { name: candidate.name, message: errorMessage(err) });
      attempts.push(attempt(candidate.name, false, text));
    }
  }
  throw new Error(
    `No TensorFlow.js backend could be loaded: ${attempts.map((a) => `${a.name}: ${a.reason}`).join(' ')}`,
  );
}

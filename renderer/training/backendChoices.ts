import type { BackendAttempt, BackendReport, TrainBackendChoice } from '../../shared/api';
import { diagnosticText, type Language, translator } from '../../shared/i18n';
import type { GpuBackendCheck } from './gpu/availability';

export interface BackendChoice {
  value: Exclude<TrainBackendChoice, 'auto'>;
  label: string;
  ok: boolean;
  /** Why it can be used (what was found) or why not, in words a user can act on. */
  reason: string;
}

const labelKeys = {
  'tensorflow-gpu': 'panels.backends.tensorflowGpu',
  webgpu: 'panels.backends.webgpu',
  webgl: 'panels.backends.webgl',
  tensorflow: 'panels.backends.tensorflow',
  wasm: 'panels.backends.wasm',
  cpu: 'panels.backends.cpu',
} as const satisfies Record<BackendChoice['value'], string>;

/** The order "automatic" follows: native GPU, the browser engine's GPU, then the CPU backends. */
const order: BackendChoice['value'][] = ['tensorflow-gpu', 'webgpu', 'webgl', 'tensorflow', 'wasm', 'cpu'];

/**
 * Every backend a run could use, with whether it works here and why. The services' report says
 * which of theirs loaded (those after the selected one were not tried: offered, a run tries them);
 * the window's checks say which GPU backends its Worker can use. The services' own reasons come
 * as they wrote them; the rest is in `language`.
 */
export function backendChoices(
  report: BackendReport | undefined,
  gpu: readonly GpuBackendCheck[],
  language: Language = 'en',
): BackendChoice[] {
  const { t } = translator('ui', language);
  return order.map((value) => {
    const label = t(labelKeys[value]);
    if (value === 'webgpu' || value === 'webgl') {
      const check = gpu.find((c) => c.name === value);
      const reason = check ? (check.describe?.(language) ?? check.reason) : t('panels.backends.notChecked', { label });
      return { value, label, ok: check?.ok ?? false, reason };
    }
    const attempt = report?.attempts.find((a) => a.name === value);
    if (attempt)
      return {
        value,
        label,
        ok: attempt.ok,
        reason: diagnosticText({ message: attempt.reason, text: attempt.text }, language),
      };
    return {
      value,
      label,
      ok: report !== undefined,
      reason: report ? t('panels.backends.notTried', { chosen: report.name }) : t('panels.backends.selecting'),
    };
  });
}

/**
 * What "automatic" trains on: CUDA where it loaded, else a real GPU of the browser engine, else
 * the services' selection. A GPU emulated on the CPU is skipped: the CPU backends beat it.
 */
export function automaticBackend(
  report: BackendReport | undefined,
  gpu: readonly GpuBackendCheck[],
): Exclude<TrainBackendChoice, 'auto'> | null {
  if (!report) return null;
  if (report.name === 'tensorflow-gpu') return report.name;
  const hardware = gpu.find((c) => c.ok && !c.software);
  return hardware ? hardware.name : report.name;
}

/** Why the services used a backend or not, in a language (English where it came without a text). */
export const attemptReason = (attempt: BackendAttempt, language: Language): string =>
  diagnosticText({ message: attempt.reason, text: attempt.text }, language);

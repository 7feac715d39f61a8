import type { BackendReport, TrainBackendChoice } from '../../shared/api';
import type { GpuBackendCheck } from './gpu/availability';

export interface BackendChoice {
  value: Exclude<TrainBackendChoice, 'auto'>;
  label: string;
  ok: boolean;
  /** Why it can be used (what was found) or why not, in words a user can act on. */
  reason: string;
}

const labels: Record<BackendChoice['value'], string> = {
  'tensorflow-gpu': 'TensorFlow GPU (CUDA)',
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  tensorflow: 'TensorFlow CPU (native)',
  wasm: 'WebAssembly (all cores)',
  cpu: 'JavaScript CPU',
};

/** The order "automatic" follows: native GPU, the browser engine's GPU, then the CPU backends. */
const order: BackendChoice['value'][] = ['tensorflow-gpu', 'webgpu', 'webgl', 'tensorflow', 'wasm', 'cpu'];

/**
 * Every backend a run could use, with whether it works here and why. The services' report says
 * which of theirs loaded (those after the selected one were not tried: offered, a run tries them);
 * the window's checks say which GPU backends its Worker can use.
 */
export function backendChoices(report: BackendReport | undefined, gpu: readonly GpuBackendCheck[]): BackendChoice[] {
  return order.map((value) => {
    const label = labels[value];
    if (value === 'webgpu' || value === 'webgl') {
      const check = gpu.find((c) => c.name === value);
      return { value, label, ok: check?.ok ?? false, reason: check?.reason ?? `${label}: not checked yet.` };
    }
    const attempt = report?.attempts.find((a) => a.name === value);
    if (attempt) return { value, label, ok: attempt.ok, reason: attempt.reason };
    return {
      value,
      label,
      ok: report !== undefined,
      reason: report ? `not tried at start (${report.name} was chosen first); a run tries it.` : 'selecting…',
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

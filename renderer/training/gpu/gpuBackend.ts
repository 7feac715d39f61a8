import type * as tfjs from '@tensorflow/tfjs';
import type { DiagnosticText } from '../../../shared/i18n';
import { type RunTextKey, runMessage } from '../../../shared/training/runText';
import type { GpuBackend } from './protocol';

type Tf = typeof tfjs;

/** Raised when a GPU backend cannot start here; the message says why in words a user can act on. */
export class GpuUnavailable extends Error {
  override name = 'GpuUnavailable';
}

interface AdapterSource {
  requestAdapter(): Promise<unknown>;
}

/**
 * Switches tfjs to `backend` and returns a line naming the device. WebGPU needs its tfjs
 * package bundled (it registers the 'webgpu' backend on import) and an adapter; WebGL needs WebGL2.
 */
export async function startGpuBackend(tf: Tf, backend: GpuBackend): Promise<string> {
  if (!tf.findBackendFactory(backend)) {
    throw new GpuUnavailable(
      backend === 'webgpu'
        ? 'WebGPU: this build has no tfjs WebGPU backend (@tensorflow/tfjs-backend-webgpu is not bundled).'
        : 'WebGL: this build has no tfjs WebGL backend.',
    );
  }
  if (backend === 'webgpu') {
    const gpu = (globalThis.navigator as { gpu?: AdapterSource } | undefined)?.gpu;
    if (!gpu)
      throw new GpuUnavailable(
        'WebGPU: navigator.gpu is missing (WebGPU is off, or the page is not a secure context).',
      );
    if (!(await gpu.requestAdapter())) {
      throw new GpuUnavailable('WebGPU: no adapter (navigator.gpu.requestAdapter() returned null).');
    }
  }
  let ok = false;
  try {
    ok = await tf.setBackend(backend);
  } catch {
    ok = false;
  }
  if (!ok || tf.getBackend() !== backend) {
    throw new GpuUnavailable(
      backend === 'webgl'
        ? 'WebGL: no WebGL2 context could be created in this worker (the GPU is blocked or absent).'
        : 'WebGPU: the adapter gave no device.',
    );
  }
  return backend === 'webgl' ? webglRenderer(tf) : 'WebGPU';
}

interface Gpgpu {
  gl: WebGL2RenderingContext;
}

function webglRenderer(tf: Tf): string {
  const gl = (tf.backend() as unknown as { gpgpu?: Gpgpu }).gpgpu?.gl;
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  return info && gl ? `WebGL: ${String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL))}` : 'WebGL';
}

/** What went wrong with the GPU while a run was on it; `lost`: its memory (and the weights) are gone. */
export interface GpuFault {
  lost: boolean;
  /** In English ("the WebGL context was lost"); `text` the same in any language. */
  message: string;
  text?: DiagnosticText;
}

const gpuFault = (lost: boolean, key: RunTextKey, values: Record<string, string> = {}): GpuFault => ({
  lost,
  ...runMessage(key, values),
});

interface DeviceLike {
  lost?: Promise<{ reason?: string; message?: string }>;
  addEventListener?(type: 'uncapturederror', listener: (event: { error?: { message?: string } }) => void): void;
}

/**
 * Listens for the GPU going away under a run: a lost WebGL context, a lost WebGPU device, or a
 * WebGPU out-of-memory error no one captured. The training loop sees the fault through the
 * control (as a cancel), so it stops before its next batch instead of computing on garbage.
 */
export function watchGpu(tf: Tf, backend: GpuBackend): { fault(): GpuFault | null } {
  let fault: GpuFault | null = null;
  const set = (next: GpuFault) => {
    fault ??= next;
  };
  if (backend === 'webgl') {
    const gl = (tf.backend() as unknown as { gpgpu?: Gpgpu }).gpgpu?.gl;
    const canvas = gl?.canvas as { addEventListener?(type: string, listener: () => void): void } | undefined;
    canvas?.addEventListener?.('webglcontextlost', () => set(gpuFault(true, 'gpuContextLost')));
    return {
      fault: () => {
        if (gl?.isContextLost()) set(gpuFault(true, 'gpuContextLost'));
        return fault;
      },
    };
  }
  const device = (tf.backend() as unknown as { device?: DeviceLike }).device;
  void device?.lost?.then((info) =>
    set(
      gpuFault(true, 'gpuDeviceLostWhy', {
        reason: info.reason ?? 'unknown',
        detail: (info.message ?? '').replace(/\.$/, ''),
      }),
    ),
  );
  device?.addEventListener?.('uncapturederror', (event) => {
    const text = event.error?.message ?? '';
    if (/memory/i.test(text)) set(gpuFault(false, 'gpuOutOfMemory', { detail: text }));
  });
  return { fault: () => fault };
}

/** A thrown error that means the GPU failed (not the network or data), as a fault; null otherwise. */
export function faultOf(message: string): GpuFault | null {
  if (/context.{0,10}lost|CONTEXT_LOST/i.test(message)) return gpuFault(true, 'gpuContextLost');
  if (/device.{0,10}(is )?lost/i.test(message)) return gpuFault(true, 'gpuDeviceLost');
  // tfjs-backend-webgl's wordings when a texture, buffer or framebuffer cannot be had.
  if (
    /out of memory|OUT_OF_MEMORY|failed to allocate|Unable to create WebGL|greater than WebGL maximum/i.test(message)
  ) {
    return gpuFault(false, 'gpuOutOfMemory', { detail: message.replace(/\.$/, '') });
  }
  return null;
}

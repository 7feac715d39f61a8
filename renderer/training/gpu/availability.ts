import { type Language, translator } from '../../../shared/i18n';
import type { GpuBackend } from './protocol';

export interface GpuBackendCheck {
  name: GpuBackend;
  ok: boolean;
  /** What was found, or why it cannot be used here, in words a user can act on (English). */
  reason: string;
  /** The same in the given language: the form shows it in the window's. */
  describe?(language: Language): string;
  /** A GPU emulated on the CPU (SwiftShader, llvmpipe, WARP): correct but slower than the CPU backends. */
  software?: boolean;
}

const SOFTWARE_RENDERER = /SwiftShader|llvmpipe|softpipe|lavapipe|Basic Render|Software Rasterizer/i;

interface AdapterSource {
  requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string } } | null>;
}

/**
 * Which GPU backends a training Worker of this page could use, without loading tfjs: for the
 * training form to offer them, or to say why not.
 */
export async function checkGpuBackends(): Promise<GpuBackendCheck[]> {
  return [await checkWebgpu(), checkWebgl()];
}

type Text = ReturnType<typeof translator<'ui'>>;

/** A check whose words are made in any language; `reason` keeps the English ones. */
function check(name: GpuBackend, ok: boolean, say: (text: Text) => string, software?: boolean): GpuBackendCheck {
  const describe = (language: Language) => say(translator('ui', language));
  return { name, ok, reason: describe('en'), describe, ...(software === undefined ? {} : { software }) };
}

async function checkWebgpu(): Promise<GpuBackendCheck> {
  const name = 'webgpu';
  const gpu = (globalThis.navigator as { gpu?: AdapterSource } | undefined)?.gpu;
  if (!gpu) {
    const secure = globalThis.isSecureContext;
    return check(name, false, ({ t }) =>
      t('panels.backends.noNavigatorGpu', {
        why: t(secure ? 'panels.backends.webgpuOff' : 'panels.backends.notSecure'),
      }),
    );
  }
  let adapter: Awaited<ReturnType<AdapterSource['requestAdapter']>> = null;
  try {
    adapter = await gpu.requestAdapter();
  } catch {
    adapter = null;
  }
  if (!adapter) return check(name, false, ({ t }) => t('panels.backends.noAdapter'));
  const device = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ');
  const software = SOFTWARE_RENDERER.test(device);
  return check(
    name,
    true,
    ({ t }) =>
      t(software ? 'panels.backends.webgpuSoftware' : 'panels.backends.webgpuFound', {
        device: device || t('panels.backends.anAdapter'),
      }),
    software,
  );
}

function checkWebgl(): GpuBackendCheck {
  const name = 'webgl';
  if (typeof OffscreenCanvas === 'undefined') {
    return check(name, false, ({ t }) => t('panels.backends.noOffscreen'));
  }
  // The Worker renders to an OffscreenCanvas: the same context it would get.
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return check(name, false, ({ t }) => t('panels.backends.noWebgl2'));
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'WebGL2';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  const software = SOFTWARE_RENDERER.test(renderer);
  return check(
    name,
    true,
    ({ t }) => t(software ? 'panels.backends.webglSoftware' : 'panels.backends.webglFound', { renderer }),
    software,
  );
}

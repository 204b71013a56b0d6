/**
 * Detects GPUs that are emulated on the CPU (SwiftShader, llvmpipe). On them WebGPU trains ~100× and WebGL
 * ~15× slower than WASM (platform-notes §3), so the automatic choice passes over them; `?backend=` still
 * forces them.
 */
import type { BackendName } from '../engine/defaults';

const SOFTWARE = /swiftshader|llvmpipe|software|lavapipe/i;

interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { architecture?: string; description?: string; vendor?: string; isFallbackAdapter?: boolean };
}

/** 'none' when the browser offers WebGPU but no adapter (tfjs would only log a failed initialisation). */
async function webgpuAdapter(): Promise<'none' | 'software' | 'hardware'> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter: () => Promise<AdapterLike | null> } }).gpu;
  if (!gpu) return 'none';
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return 'none';
  const info = adapter.info ?? {};
  const software = adapter.isFallbackAdapter || info.isFallbackAdapter || SOFTWARE.test(`${info.architecture} ${info.description} ${info.vendor}`);
  return software ? 'software' : 'hardware';
}

function webglIsSoftware(): boolean {
  if (typeof OffscreenCanvas === 'undefined') return false;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return false;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return SOFTWARE.test(renderer);
}

export async function softwareGpuReason(name: BackendName): Promise<string | null> {
  if (name === 'webgpu') {
    const adapter = await webgpuAdapter();
    if (adapter === 'none') return 'WebGPU has no adapter in this browser.';
    if (adapter === 'software') {
      return 'WebGPU is only emulated on the CPU here (software adapter), so the lab uses a faster backend; force it with ?backend=webgpu.';
    }
  }
  if (name === 'webgl' && webglIsSoftware()) {
    return 'WebGL is only emulated on the CPU here (software renderer), so the lab uses a faster backend; force it with ?backend=webgl.';
  }
  return null;
}

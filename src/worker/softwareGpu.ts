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

async function webgpuIsSoftware(): Promise<boolean> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter: () => Promise<AdapterLike | null> } }).gpu;
  if (!gpu) return false;
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return false;
  const info = adapter.info ?? {};
  return Boolean(adapter.isFallbackAdapter || info.isFallbackAdapter || SOFTWARE.test(`${info.architecture} ${info.description} ${info.vendor}`));
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
  if (name === 'webgpu' && (await webgpuIsSoftware())) {
    return 'WebGPU is only emulated on the CPU here (software adapter), so the lab uses a faster backend; force it with ?backend=webgpu.';
  }
  if (name === 'webgl' && webglIsSoftware()) {
    return 'WebGL is only emulated on the CPU here (software renderer), so the lab uses a faster backend; force it with ?backend=webgl.';
  }
  return null;
}

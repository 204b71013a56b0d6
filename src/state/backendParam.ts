/** Reads `?backend=webgpu|webgl|wasm|cpu` from the page URL; anything else is reported, not obeyed. */
import { BACKEND_NAMES, isBackendName, type BackendName } from '../engine/defaults';

export function backendFromUrl(search: string): { backend: BackendName | null; notice: string | null } {
  const raw = new URLSearchParams(search).get('backend');
  if (raw === null || raw === '') return { backend: null, notice: null };
  if (isBackendName(raw)) return { backend: raw, notice: null };
  return {
    backend: null,
    notice: `Unknown backend "${raw.slice(0, 40)}" in the URL; allowed: ${BACKEND_NAMES.join(', ')}. Choosing the best available instead.`,
  };
}

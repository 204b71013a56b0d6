/** Reads `?backend=webgpu|webgl|wasm|cpu` from the page URL; anything else is reported, not obeyed. */
import { BACKEND_NAMES, isBackendName, type BackendName } from '../engine/defaults';
import { quote } from '../engine/config/text';

export function backendFromUrl(search: string): { backend: BackendName | null; notice: string | null } {
  const all = new URLSearchParams(search).getAll('backend');
  const raw = all[0];
  const repeated = all.length > 1 ? `Link setting backend appears ${all.length} times; the first is used. ` : '';
  if (raw === undefined || raw === '') return { backend: null, notice: repeated || null };
  if (isBackendName(raw)) return { backend: raw, notice: repeated || null };
  return {
    backend: null,
    notice: `${repeated}Unknown backend ${quote(raw)} in the link; allowed: ${BACKEND_NAMES.join(', ')}. Choosing the best available instead.`,
  };
}

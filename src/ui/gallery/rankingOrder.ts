/**
 * The ranking behind a grid row. The worker sends each row's raw map, not the masks it applied; ranking the
 * map again here with the request's settings and the engine's own tfjs-free ranking code, then applying
 * masking/mask.ts's removedMask, gives exactly the pixels each cell removed, so the heatmap can show them.
 */
import { methodInfo, type MethodId } from '../../engine/attribution/catalog';
import type { MaskConfig } from '../../engine/defaults';
import { rankMaps } from '../../engine/masking/rankMaps';

/** The map's pixels, most important first, as galleryGrid.ts ranks them. */
export function rankingOrder(map: Float32Array, methodId: MethodId, mask: MaskConfig, imageIndex: number): Uint16Array {
  return rankMaps(map, 1, mask, methodInfo(methodId), imageIndex);
}

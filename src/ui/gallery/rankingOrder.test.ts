/** The grid's dotted pixels are exactly the ones the worker replaced, whatever the ranking settings. */
import { beforeAll, describe, expect, test } from 'vitest';
import type { MethodId } from '../../engine/attribution/catalog';
import { DEFAULT_MASK, PIXELS, type MaskConfig } from '../../engine/defaults';
import { galleryGrid } from '../../engine/gallery/galleryGrid';
import { removedMask } from '../../engine/masking/mask';
import { createCnn, type Cnn } from '../../engine/model/cnn';
import { makeRng } from '../../engine/random';
import { useWasmBackend } from '../../testing/wasmBackend';
import { rankingOrder } from './rankingOrder';

let model: Cnn;
beforeAll(async () => {
  await useWasmBackend();
  model = createCnn(3);
});

describe('rankingOrder', () => {
  test.each<Partial<MaskConfig>>([{}, { rankTransform: 'signed', tieBreak: 'index' }, { rankTransform: 'square', mode: 'kar', tieSeed: 11 }])(
    'reproduces the masks of galleryGrid (%o)',
    async (settings) => {
      // Grey pixels below 1, so that white replacement marks exactly the replaced ones.
      const rng = makeRng(5);
      const pixels = Float32Array.from({ length: PIXELS }, (_, p) => (p % 3 === 0 ? 0 : 0.2 + 0.6 * rng()));
      const mask: MaskConfig = { ...DEFAULT_MASK, ...settings, replacement: 'white' };
      const methods: { id: MethodId; params: Record<string, unknown> }[] = [{ id: 'gradient', params: {} }, { id: 'lossGradient', params: {} }, { id: 'random', params: {} }];
      const [image] = await galleryGrid(model, [{ pixels, label: 4, index: 60000 + 12 }], methods, [0.1, 0.5], mask, 'label', 2);
      for (const row of image.rows) {
        const order = rankingOrder(row.map, row.methodId as MethodId, mask, image.input.index);
        for (const cell of row.cells) {
          const replaced = Uint8Array.from(cell.masked, (v) => (v === 1 ? 1 : 0));
          expect(removedMask(order, cell.threshold, mask.mode)).toEqual(replaced);
        }
      }
    },
  );
});

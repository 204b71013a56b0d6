/**
 * How large the lecture gallery draws its 28×28 images (CSS pixels per MNIST pixel): as large as the
 * window allows. The gallery panel takes 45 % of the width (styles.css, .lecture-main); its column of
 * methods stacks vertically under the digit, and the chosen method's row runs across under that.
 */
import { IMAGE_SIZE } from '../../engine/defaults';

export interface Viewport {
  width: number;
  height: number;
}

const PANEL_SHARE = 0.45;
const PANEL_PADDING = 48;
/** Method name and prediction, at 24 px, beside each method's pair of images (200 px in styles.css, and the gap). */
const LABEL_WIDTH = 220;
const IMAGE_GAP = 16;
/** The bar, the digit's header, two captions and paddings: everything in the panel's height but images. */
const RESERVED_HEIGHT = 340;
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.floor(v)));

export function lectureScales(viewport: Viewport, methods: number, thresholds: number): { column: number; row: number } {
  const panel = viewport.width * PANEL_SHARE - PANEL_PADDING;
  const row = clamp((panel / Math.max(1, thresholds) - IMAGE_GAP) / IMAGE_SIZE, 2, 5);
  const byWidth = (panel - LABEL_WIDTH - 2 * IMAGE_GAP) / (2 * IMAGE_SIZE);
  const byHeight = ((viewport.height - RESERVED_HEIGHT - row * IMAGE_SIZE) / Math.max(1, methods) - IMAGE_GAP) / IMAGE_SIZE;
  return { column: clamp(Math.min(byWidth, byHeight), 2, 6), row };
}

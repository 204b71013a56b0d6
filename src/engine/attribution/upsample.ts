/** Bilinear resizing of layer-resolution maps to the 28×28 image (Grad-CAM, FullGrad). */
import * as tf from '@tensorflow/tfjs';
import { IMAGE_SIZE } from '../defaults';

/**
 * 'halfPixel' stretches the map over the whole image with pixel centres aligned (PyTorch align_corners=False,
 * cv2.resize: what Grad-CAM implementations and Captum's LayerAttribution.interpolate do); 'corners' maps
 * corner pixel to corner pixel (align_corners=True, the FullGrad reference code).
 */
export function upsampleTo28(maps: tf.Tensor4D, align: 'halfPixel' | 'corners'): tf.Tensor4D {
  return tf.image.resizeBilinear(maps, [IMAGE_SIZE, IMAGE_SIZE], align === 'corners', align === 'halfPixel');
}

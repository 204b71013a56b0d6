/** How the grid writes thresholds, confidences and parameters. */
import { methodInfo, type MethodId } from '../../engine/attribution/catalog';
import { IMAGE_SIZE } from '../../engine/defaults';
import { formatValue } from '../colorMaps';
import { percentText } from '../../engine/config/decimal';
import { choiceLabel } from './methodHints';

export const percent = (fraction: number) => `${percentText(fraction)} %`;

/** "Steps 8 · Baseline black", with the catalog's field labels; a wrapper's base parameters follow its base. */
export function paramsText(id: MethodId, params: Record<string, unknown>): string {
  const { fields } = methodInfo(id);
  return Object.entries(params)
    .map(([k, v]) =>
      k === 'baseParams' ? paramsText(params.base as MethodId, v as Record<string, unknown>) : `${fields[k]?.label ?? k} ${typeof v === 'string' ? choiceLabel(v) : String(v)}`,
    )
    .filter((s) => s !== '')
    .join(' · ');
}

export function pixelText(pixel: number, value: number): string {
  return `row ${Math.floor(pixel / IMAGE_SIZE)}, col ${pixel % IMAGE_SIZE}: ${formatValue(value)}`;
}

/** How a method is named and coloured on charts and tables: from the catalog, through its spec, so every view agrees. */
import { methodColour as catalogColour, methodWords, type MethodSpec } from '../../engine/attribution/methodSpec';

/** "Integrated Gradients, 16 steps". */
export const methodName = (spec: MethodSpec): string => methodWords(spec);

export const methodColour = (spec: MethodSpec): string => catalogColour(spec);

/**
 * The allowed words of each enumerated setting. defaults.ts declares these only as types; a Record over each
 * type makes the compiler insist that every member is listed here, so a new choice cannot be forgotten.
 * (targets.ts has TARGET_MODES, but it imports the model code and so TensorFlow.js, which the page's main
 * thread must not load.)
 */
import type { MaskMode, RankTransform, Replacement, TieBreak } from '../engine/defaults';
import type { TargetMode } from '../engine/attribution/targets';

const keys = <T extends string>(all: Record<T, true>): readonly T[] => Object.keys(all) as T[];

export const RANK_TRANSFORMS = keys<RankTransform>({ abs: true, square: true, signed: true });
export const TIE_BREAKS = keys<TieBreak>({ random: true, index: true });
export const MASK_MODES = keys<MaskMode>({ roar: true, kar: true });
export const REPLACEMENTS = keys<Replacement>({ mean: true, black: true, white: true, imageMean: true, noisyLinear: true });
export const TARGET_MODES = keys<TargetMode>({ label: true, predicted: true });

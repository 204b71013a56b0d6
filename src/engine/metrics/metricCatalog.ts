/**
 * The no-retrain metrics (issue 14, science.md §6), defined once: what each measures in one sentence, which
 * direction is better, and the group the CLI's `--metric` and the page's panel select it by. They score the
 * base model on perturbed test images, without retraining, so each takes seconds where ROAR takes hours —
 * and each can be fooled by the distribution shift that ROAR's retraining removes (Hooker et al. 2019).
 */

export const METRIC_IDS = [
  'morfAccuracy',
  'lerfAccuracy',
  'deletion',
  'insertion',
  'afocMorf',
  'afocLerf',
  'klMorf',
  'klLerf',
  'pcuoMorf',
  'pcuoLerf',
  'roadMorf',
  'roadLerf',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export const METRIC_GROUPS = ['perturbation', 'deletion', 'insertion', 'road'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

/** What the perturbation removes: most salient first (MoRF), least salient first (LeRF), or all but the most salient. */
export type Perturbation = 'morf' | 'lerf' | 'insert';

/** What is read off the model at each fraction. */
export type Readout = 'accuracy' | 'classProbability' | 'afoc' | 'kl' | 'pcuo';

export interface MetricInfo {
  id: MetricId;
  group: MetricGroup;
  label: string;
  /** One sentence: what it measures. */
  measures: string;
  better: 'lower' | 'higher';
  perturbation: Perturbation;
  readout: Readout;
  /** ROAD: removed pixels are filled by noisy linear imputation, whatever the masking rule says. */
  road: boolean;
  /** Where it comes from. */
  source: string;
}

const m = (info: Omit<MetricInfo, 'road'> & { road?: boolean }): MetricInfo => ({ road: false, ...info });

export const METRICS: Readonly<Record<MetricId, MetricInfo>> = {
  morfAccuracy: m({
    id: 'morfAccuracy', group: 'perturbation', label: 'Accuracy, most salient removed', perturbation: 'morf', readout: 'accuracy', better: 'lower',
    measures: 'How often the base model is still right once the most salient pixels are replaced, without retraining.',
    source: 'Samek et al. 2017; seed 003',
  }),
  lerfAccuracy: m({
    id: 'lerfAccuracy', group: 'perturbation', label: 'Accuracy, least salient removed', perturbation: 'lerf', readout: 'accuracy', better: 'higher',
    measures: 'How often the base model is still right once the least salient pixels are replaced: a good map leaves it right.',
    source: 'Srinivas & Fleuret 2019; seed 003',
  }),
  deletion: m({
    id: 'deletion', group: 'deletion', label: 'Deletion', perturbation: 'morf', readout: 'classProbability', better: 'lower',
    measures: 'The probability of the predicted class as pixels are removed in rank order; a small area under it means the map found what the prediction rests on.',
    source: 'Petsiuk et al. 2018 (RISE); seed 001',
  }),
  insertion: m({
    id: 'insertion', group: 'insertion', label: 'Insertion', perturbation: 'insert', readout: 'classProbability', better: 'higher',
    measures: 'The probability of the predicted class as pixels are put back in rank order onto a blank image; a large area means the first pixels suffice.',
    source: 'Petsiuk et al. 2018 (RISE); seed 001',
  }),
  afocMorf: m({
    id: 'afocMorf', group: 'perturbation', label: 'AFOC, most salient removed', perturbation: 'morf', readout: 'afoc', better: 'higher',
    measures: 'How far the predicted class’s probability moves, as a fraction of itself, once the most salient pixels are replaced.',
    source: 'seed 003, eq. 4',
  }),
  afocLerf: m({
    id: 'afocLerf', group: 'perturbation', label: 'AFOC, least salient removed', perturbation: 'lerf', readout: 'afoc', better: 'lower',
    measures: 'How far the predicted class’s probability moves, as a fraction of itself, once the least salient pixels are replaced.',
    source: 'seed 003, eq. 4 (Srinivas & Fleuret’s augmented scheme)',
  }),
  klMorf: m({
    id: 'klMorf', group: 'perturbation', label: 'KL divergence, most salient removed', perturbation: 'morf', readout: 'kl', better: 'higher',
    measures: 'How far the whole output distribution moves (KL of the perturbed from the original, in nats) once the most salient pixels are replaced.',
    source: 'seed 003, eq. 5',
  }),
  klLerf: m({
    id: 'klLerf', group: 'perturbation', label: 'KL divergence, least salient removed', perturbation: 'lerf', readout: 'kl', better: 'lower',
    measures: 'How far the whole output distribution moves (KL, in nats) once the least salient pixels are replaced.',
    source: 'seed 003, eq. 5',
  }),
  pcuoMorf: m({
    id: 'pcuoMorf', group: 'perturbation', label: 'PCUO, most salient removed', perturbation: 'morf', readout: 'pcuo', better: 'higher',
    measures: 'The relative change of the predicted class’s logit (before the softmax) once the most salient pixels are replaced.',
    source: 'seed 003, eq. 6',
  }),
  pcuoLerf: m({
    id: 'pcuoLerf', group: 'perturbation', label: 'PCUO, least salient removed', perturbation: 'lerf', readout: 'pcuo', better: 'lower',
    measures: 'The relative change of the predicted class’s logit once the least salient pixels are replaced.',
    source: 'seed 003, eq. 6',
  }),
  roadMorf: m({
    id: 'roadMorf', group: 'road', label: 'ROAD, most salient removed', perturbation: 'morf', readout: 'accuracy', better: 'lower', road: true,
    measures: 'Accuracy once the most salient pixels are filled in from their neighbours (noisy linear imputation), which hides the mask’s shape.',
    source: 'Rong et al. 2022 (ROAD)',
  }),
  roadLerf: m({
    id: 'roadLerf', group: 'road', label: 'ROAD, least salient removed', perturbation: 'lerf', readout: 'accuracy', better: 'higher', road: true,
    measures: 'Accuracy once the least salient pixels are filled in from their neighbours.',
    source: 'Rong et al. 2022 (ROAD)',
  }),
};

/** The metrics of the chosen groups, in catalogue order. */
export function metricsOf(groups: readonly MetricGroup[]): MetricId[] {
  return METRIC_IDS.filter((id) => groups.includes(METRICS[id].group));
}

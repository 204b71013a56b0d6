/**
 * The sanity checks' part of the lab's state (step 4): the settings as typed, the job in flight with its
 * progress, the last outcome and the method whose maps are shown. A new job keeps the last outcome on
 * screen until its answer arrives. Plain data; the Lab changes it.
 */
import type { SanityOutcome } from '../engine/sanity/sanityJob';
import { DEFAULT_SANITY, SANITY_FIELDS } from '../engine/sanity/sanityRequest';
import type { WorkerEvent } from '../worker/protocol';

export interface SanityState {
  form: { images: string; seed: string; shuffled: string };
  errors: Partial<Record<'images' | 'seed', string>>;
  status: 'idle' | 'computing' | 'stopping';
  jobId: number;
  progress: { fraction: number; message: string } | null;
  outcome: SanityOutcome | null;
  error: string | null;
  /** methodKey of the method whose maps the stage gallery shows, or null for the first. */
  shownMethod: string | null;
}

export function initialSanity(): SanityState {
  return {
    form: { images: SANITY_FIELDS.images.toText(DEFAULT_SANITY.images), seed: SANITY_FIELDS.seed.toText(DEFAULT_SANITY.seed), shuffled: '0' },
    errors: {},
    status: 'idle',
    jobId: 0,
    progress: null,
    outcome: null,
    error: null,
    shownMethod: null,
  };
}

export function sanityOnEvent(s: SanityState, e: WorkerEvent): Partial<SanityState> | null {
  if (!('jobId' in e) || e.jobId !== s.jobId || s.status === 'idle') return null;
  if (e.type === 'sanityProgress') return { progress: { fraction: e.fraction, message: e.message } };
  if (e.type === 'sanityDone') return { status: 'idle', progress: null, outcome: e.outcome };
  if (e.type === 'jobError') return { status: 'idle', progress: null, error: s.status === 'stopping' ? null : e.message };
  return null;
}

/**
 * The attribution explorer's part of the lab's state: the settings as typed, the job in flight, and the last
 * grid the worker computed. A new request keeps the previous grid on screen until its answer arrives, and an
 * error leaves it there too, so the student never loses what they were looking at. Plain data; the Lab
 * (Lab.ts) changes it.
 */
import type { GalleryImage } from '../engine/gallery/galleryGrid';
import type { GalleryRequest, WorkerEvent } from '../worker/protocol';
import { initialGalleryForm, type GalleryForm } from './galleryForm';

export interface GalleryResult {
  images: GalleryImage[];
  seconds: number;
  /** The request that produced the images: the grid redraws its masks from its ranking settings. */
  request: GalleryRequest;
}

export interface GalleryState {
  form: GalleryForm;
  status: 'idle' | 'computing';
  jobId: number;
  /** The request in flight. */
  pending: GalleryRequest | null;
  result: GalleryResult | null;
  error: string | null;
}

export function initialGallery(): GalleryState {
  return { form: initialGalleryForm(), status: 'idle', jobId: 0, pending: null, result: null, error: null };
}

/** What a worker event changes in the gallery state (nothing for other jobs' events). */
export function galleryOnEvent(s: GalleryState, e: WorkerEvent): Partial<GalleryState> | null {
  if (e.type === 'galleryDone' && e.jobId === s.jobId && s.pending) return { status: 'idle', pending: null, result: { images: e.images, seconds: e.seconds, request: s.pending } };
  if (e.type === 'jobError' && e.jobId === s.jobId && s.status === 'computing') return { status: 'idle', pending: null, error: e.message };
  return null;
}

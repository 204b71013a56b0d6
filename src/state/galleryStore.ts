/**
 * The attribution explorer's state: the settings as typed, the job in flight, and the last grid the worker
 * computed. A new request keeps the previous grid on screen until its answer arrives, and an error leaves
 * it there too, so the student never loses what they were looking at.
 */
import { create } from 'zustand';
import type { MethodId } from '../engine/attribution/catalog';
import type { GalleryImage } from '../engine/gallery/galleryGrid';
import type { GalleryRequest, WorkerEvent } from '../worker/protocol';
import { checkGalleryForm, initialGalleryForm, type GalleryForm } from '../ui/gallery/galleryForm';
import type { WorkerPort } from './labStore';

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
  setField: <K extends keyof GalleryForm>(key: K, value: GalleryForm[K]) => void;
  selectMethod: (id: MethodId, selected: boolean) => void;
  setMethodValue: (id: MethodId, key: string, value: string) => void;
  /** Sends the form's request to the worker; does nothing while a grid is computing or the form is invalid. */
  show: () => void;
  handleEvent: (e: WorkerEvent) => void;
}

export function createGalleryStore(port: WorkerPort) {
  return create<GalleryState>()((set, get) => {
    const setMethod = (id: MethodId, change: (m: GalleryForm['methods'][MethodId]) => GalleryForm['methods'][MethodId]) => {
      const form = get().form;
      set({ form: { ...form, methods: { ...form.methods, [id]: change(form.methods[id]) } } });
    };
    return {
      form: initialGalleryForm(),
      status: 'idle',
      jobId: 0,
      pending: null,
      result: null,
      error: null,

      setField: (key, value) => set({ form: { ...get().form, [key]: value } }),
      selectMethod: (id, selected) => setMethod(id, (m) => ({ ...m, selected })),
      setMethodValue: (id, key, value) => setMethod(id, (m) => ({ ...m, values: { ...m.values, [key]: value } })),

      show: () => {
        if (get().status === 'computing') return;
        const { request } = checkGalleryForm(get().form);
        if (!request) return;
        const jobId = port.nextJobId();
        set({ status: 'computing', jobId, pending: request, error: null });
        port.send({ type: 'gallery', jobId, request });
      },

      handleEvent: (e) => {
        const s = get();
        if (e.type === 'galleryDone' && e.jobId === s.jobId && s.pending) {
          set({ status: 'idle', pending: null, result: { images: e.images, seconds: e.seconds, request: s.pending } });
        } else if (e.type === 'jobError' && e.jobId === s.jobId) {
          set({ status: 'idle', pending: null, error: e.message });
        }
      },
    };
  });
}

export type GalleryStore = ReturnType<typeof createGalleryStore>;

/** The attribution explorer's state: what to show, and the grid the worker computed. */
import { create } from 'zustand';
import type { GalleryImage } from '../engine/gallery/galleryGrid';
import type { WorkerEvent } from '../worker/protocol';
import type { WorkerPort } from './labStore';

export interface GalleryState {
  images: GalleryImage[] | null;
  handleEvent: (e: WorkerEvent) => void;
}

export function createGalleryStore(_port: WorkerPort) {
  return create<GalleryState>()(() => ({
    images: null,
    handleEvent: () => {},
  }));
}

export type GalleryStore = ReturnType<typeof createGalleryStore>;

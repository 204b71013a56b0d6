/** The gallery store's job handling: one request at a time, results and errors matched by job id, the last grid kept. */
import { describe, expect, test } from 'vitest';
import type { GalleryImage } from '../../engine/gallery/galleryGrid';
import { createGalleryStore } from '../../state/galleryStore';
import type { WorkerRequest } from '../../worker/protocol';

function setup() {
  const sent: WorkerRequest[] = [];
  let id = 0;
  const store = createGalleryStore({ send: (m) => sent.push(m), nextJobId: () => ++id });
  return { store, sent };
}

const images = [{ rows: [] }] as unknown as GalleryImage[];

describe('gallery store', () => {
  test('Show maps sends the form as a gallery job and keeps the grid through a later failure', () => {
    const { store, sent } = setup();
    store.getState().show();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'gallery', jobId: 1, request: { digits: [{ kind: 'test', index: 0 }] } });
    expect(store.getState().status).toBe('computing');
    store.getState().show();
    expect(sent).toHaveLength(1);

    store.getState().handleEvent({ type: 'galleryDone', jobId: 99, images: [], seconds: 1 });
    expect(store.getState().result).toBeNull();
    store.getState().handleEvent({ type: 'galleryDone', jobId: 1, images, seconds: 0.5 });
    expect(store.getState()).toMatchObject({ status: 'idle', result: { images, seconds: 0.5 } });
    expect(store.getState().result?.request).toEqual((sent[0] as Extract<WorkerRequest, { type: 'gallery' }>).request);

    store.getState().show();
    expect(store.getState().result?.images).toBe(images);
    store.getState().handleEvent({ type: 'jobError', jobId: 2, message: 'Train a base model first.' });
    expect(store.getState()).toMatchObject({ status: 'idle', error: 'Train a base model first.' });
    expect(store.getState().result?.images).toBe(images);
  });

  test('an invalid form sends nothing', () => {
    const { store, sent } = setup();
    store.getState().setField('thresholds', '10, 5');
    store.getState().show();
    expect(sent).toHaveLength(0);
    expect(store.getState().status).toBe('idle');
  });

  test('method choices and parameters change only that method', () => {
    const { store } = setup();
    store.getState().selectMethod('sobel', true);
    store.getState().setMethodValue('integratedGradients', 'steps', '8');
    const { methods } = store.getState().form;
    expect(methods.sobel.selected).toBe(true);
    expect(methods.integratedGradients.values.steps).toBe('8');
    expect(methods.integratedGradients.values.baseline).toBe('black');
  });
});

/**
 * The headless lab on a fake environment (a recorded worker, storage in memory, an address bar in a string):
 * its commands, what it stores and how truthfully, and how it follows the address bar.
 */
import { describe, expect, test } from 'vitest';
import type { BackendInfo } from '../engine/backend/backend';
import type { GalleryImage } from '../engine/gallery/galleryGrid';
import { makeBundle } from '../engine/sweep/bundle';
import { emptyResults, type RunResult } from '../engine/sweep/results';
import { planRuns, shardOfRuns } from '../engine/sweep/sweepPlan';
import { withRandomBaseline } from '../engine/sweep/sweepConfig';
import { encodeResultsHash } from '../share/resultsLink';
import type { WorkerEvent, WorkerRequest } from '../worker/protocol';
import { Lab, type LabEnvironment } from './Lab';
import { memorySweepStorage } from './sweepStorage';

const BACKEND: BackendInfo = { name: 'wasm', details: 'WASM SIMD', notice: null } as unknown as BackendInfo;

function fakeEnvironment(address = '/', storage = memorySweepStorage()) {
  const sent: WorkerRequest[] = [];
  const listeners: ((e: WorkerEvent) => void)[] = [];
  const hashListeners: (() => void)[] = [];
  let url = new URL(address, 'https://lab.example');
  const env: LabEnvironment = {
    startWorker: () => ({ send: (m) => void sent.push(m), onEvent: (fn) => void listeners.push(fn) }),
    storage,
    location: {
      origin: 'https://lab.example',
      get pathname() {
        return url.pathname;
      },
      get search() {
        return url.search;
      },
      get hash() {
        return url.hash;
      },
      replace: (to) => void (url = new URL(to, url)),
      onHashChange: (fn) => void hashListeners.push(fn),
    },
    device: 'a test',
    fetchReference: async () => new Blob([]),
  };
  const emit = (e: WorkerEvent): void => listeners.forEach((fn) => fn(e));
  const ready = (): void => {
    emit({ type: 'backendReady', backend: BACKEND });
    emit({ type: 'dataReady', data: { train: 60000, test: 10000, firstTrainLabels: [5, 0, 4, 1, 9] } });
  };
  return { env, sent, emit, ready, storage, address: () => `${url.pathname}${url.search}${url.hash}`, navigate: (hash: string) => ((url = new URL(hash, url)), hashListeners.forEach((fn) => fn())) };
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
const images = [{ rows: [] }] as unknown as GalleryImage[];

describe('the lab: gallery jobs', () => {
  test('Show maps sends the form as a gallery job and keeps the grid through a later failure', () => {
    const f = fakeEnvironment();
    const lab = new Lab(f.env);
    lab.showMaps();
    expect(f.sent.filter((m) => m.type === 'gallery')).toHaveLength(0);
    expect(lab.galleryBlocked()).toMatch(/Train a base model first/);
    lab.training.setState({ model: {} as never });
    lab.showMaps();
    const jobs = f.sent.filter((m) => m.type === 'gallery');
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({ request: { digits: [{ kind: 'test', index: 0 }] } });
    expect(lab.gallery.getState().status).toBe('computing');
    lab.showMaps();
    expect(f.sent.filter((m) => m.type === 'gallery')).toHaveLength(1);
    const jobId = (jobs[0] as { jobId: number }).jobId;
    f.emit({ type: 'galleryDone', jobId: jobId + 99, images: [], seconds: 1 });
    expect(lab.gallery.getState().result).toBeNull();
    f.emit({ type: 'galleryDone', jobId, images, seconds: 0.5 });
    expect(lab.gallery.getState()).toMatchObject({ status: 'idle', result: { images, seconds: 0.5 } });
    lab.showMaps();
    const second = (f.sent.at(-1) as { jobId: number }).jobId;
    f.emit({ type: 'jobError', jobId: second, message: 'Train a base model first.' });
    expect(lab.gallery.getState()).toMatchObject({ status: 'idle', error: 'Train a base model first.' });
    expect(lab.gallery.getState().result?.images).toBe(images);
  });

  test('an invalid form sends nothing, and nothing is sent while a sweep runs', () => {
    const f = fakeEnvironment();
    const lab = new Lab(f.env);
    lab.training.setState({ model: {} as never });
    lab.setGalleryField('thresholds', '10, 5');
    lab.showMaps();
    expect(f.sent.filter((m) => m.type === 'gallery')).toHaveLength(0);
    lab.setGalleryField('thresholds', '10, 50');
    lab.sweep.setState({ status: 'running' });
    expect(lab.galleryBlocked()).toMatch(/Wait for the sweep to finish/);
    lab.showMaps();
    expect(f.sent.filter((m) => m.type === 'gallery')).toHaveLength(0);
  });
});

describe('the lab: sweeps stored truthfully', () => {
  test('a running sweep is stored as running, listed as running while its tab holds it, and as cut off after a reload; resuming sends its finished runs', async () => {
    const storage = memorySweepStorage();
    const f = fakeEnvironment('/', storage);
    const lab = new Lab(f.env);
    f.ready();
    lab.runSweep();
    await settle();
    const job = f.sent.find((m) => m.type === 'sweep') as Extract<WorkerRequest, { type: 'sweep' }>;
    expect(job.completed).toEqual([]);
    const plan = planRuns(job.config);
    const run: RunResult = { ...plan[0], accuracy: 0.9, precision: Array(10).fill(0.9), samplesPerSec: 1, seconds: 1, epochs: 2, health: null };
    f.emit({ type: 'sweepRun', jobId: job.jobId, run });
    await settle();
    // Listing reads; it never rewrites the running sweep.
    const listed = await storage.list();
    expect(listed.sweeps).toHaveLength(1);
    expect(listed.sweeps[0]).toMatchObject({ cutOff: false, record: { status: 'running', id: job.id } });
    expect(lab.sweep.getState().saved[0].cutOff).toBe(false);

    // The tab goes: its lock goes with it.
    storage.held.clear();
    const g = fakeEnvironment('/', storage);
    const again = new Lab(g.env);
    g.ready();
    await settle();
    const saved = again.sweep.getState().saved;
    expect(saved[0]).toMatchObject({ cutOff: true, record: { status: 'running' } });
    expect((await storage.list()).sweeps[0].record.status).toBe('running');
    again.resumeSaved(saved[0].record.id);
    await settle();
    const resumed = g.sent.find((m) => m.type === 'sweep') as Extract<WorkerRequest, { type: 'sweep' }>;
    expect(resumed).toMatchObject({ id: job.id, completed: [run.key] });
  });

  test('a stored record that does not read is reported, not shown', async () => {
    const storage = memorySweepStorage();
    await storage.save({ format: 'roar-lab-sweep', version: 1, id: 'x', title: 'broken', status: 'finished', updatedAt: 'yesterday', results: {} } as never);
    const f = fakeEnvironment('/', storage);
    const lab = new Lab(f.env);
    await settle();
    expect(lab.sweep.getState().saved).toEqual([]);
    expect(lab.sweep.getState().storageProblems[0]).toMatch(/^A sweep stored in this browser \(“\u2068x\u2069”\) could not be read: record\.updatedAt — Updated at: an ISO-8601 date and time\. Found “\u2068yesterday\u2069”\./);
  });
});

describe('the lab: a sweep split across a class', () => {
  test('a shard link runs only its block and keeps shard= in the address; a bad one is reported', async () => {
    const f = fakeEnvironment('/?shard=2/3');
    const lab = new Lab(f.env);
    f.ready();
    expect(lab.sweep.getState().shard).toEqual({ index: 2, count: 3 });
    expect(f.address()).toMatch(/&shard=2\/3$/);
    lab.runSweep();
    await settle();
    const job = f.sent.find((m) => m.type === 'sweep') as Extract<WorkerRequest, { type: 'sweep' }>;
    expect(job).toMatchObject({ completed: [], shard: { index: 2, count: 3 } });
    expect(lab.sweep.getState().current?.results.provenance.shard).toEqual({ index: 2, count: 3 });
    expect(lab.sweep.getState().current?.title).toMatch(/^Shard 2\/3 of the Lecture preset/);
    expect(lab.classLinks(2)).toEqual([1, 2].map((i) => expect.stringMatching(new RegExp(`^https://lab\\.example/\\?v=1&.*&shard=${i}/2$`))));

    const bad = new Lab(fakeEnvironment('/?shard=4/3').env);
    expect(bad.sweep.getState().shard).toBeNull();
    expect(bad.linkNotice).toContain('Link setting shard=“\u20684/3\u2069”: Shard: i/n, the i-th of n shards');
  });

  test('shard files merge in turn into one stored sweep, and the page says which shards are in', async () => {
    const f = fakeEnvironment('/');
    const lab = new Lab(f.env);
    f.ready();
    const config = withRandomBaseline(lab.sweep.getState().config);
    const plan = planRuns(config);
    const fileOf = (index: number): File => {
      const runs: RunResult[] = shardOfRuns(plan, index, 2).map((r) => ({ ...r, accuracy: 0.5, precision: Array(10).fill(0.5), samplesPerSec: 1, seconds: 1, epochs: 1, health: null }));
      const results = { ...emptyResults(config, { engineVersion: '0.3.0', backend: 'wasm', backendDetails: '', startedAt: '2026-12-02T00:00:00.000Z', finishedAt: '2026-12-02T01:00:00.000Z', device: 'd', shard: { index, count: 2 } }), runs };
      return new File([JSON.stringify(makeBundle(`Shard ${index}/2 of the Lecture preset, x`, results))], `part${index}.json`);
    };
    await lab.openResultsFile(fileOf(2));
    expect(lab.sweep.getState().merged).toEqual({ have: [2], count: 2 });
    expect(lab.sweep.getState().share?.text).toContain('Still missing: 1.');
    await Promise.all([lab.openResultsFile(fileOf(1)), lab.openResultsFile(fileOf(1))]);
    expect(lab.sweep.getState().merged).toEqual({ have: [1, 2], count: 2 });
    // The same shard again is refused, and the merged sweep stays.
    expect(lab.sweep.getState().share).toMatchObject({ tone: 'error', detail: 'part1.json and part1.json are both shard 1/2.' });
    expect(lab.sweep.getState().current?.results.runs.map((r) => r.key)).toEqual(plan.map((r) => r.key));
    expect(lab.sweep.getState().current?.title).toBe('Lecture preset, x (shards 1, 2 of 2)');
    expect((await f.storage.list()).sweeps).toHaveLength(1);
  });
});

describe('the lab: the address bar', () => {
  test('a link’s settings fill the forms, bad ones are reported, and every edit is written back', () => {
    const f = fakeEnvironment('/?v=1&lr=banana&seeds=3&t=0,25,75');
    const lab = new Lab(f.env);
    expect(lab.sweep.getState().config.seeds).toBe(3);
    expect(lab.sweep.getState().form.texts.thresholds).toBe('0, 25, 75');
    expect(lab.linkNotice).toMatch(/Link setting lr=“\u2068banana\u2069”: Learning rate: a number from 0.000001 to 1; “\u2068banana\u2069” is not a number\./);
    expect(f.address()).toContain('lr=0.01&');
    lab.setSweepText('seeds', '4');
    expect(f.address()).toContain('&seeds=4&');
    lab.setSweepText('seeds', '40');
    expect(lab.sweep.getState().form.errors.seeds).toBe('Seeds per cell: a whole number from 1 to 20; 40 is out of range.');
    expect(lab.sweep.getState().config.seeds).toBe(4);
    expect(f.address()).toContain('&seeds=4&');
  });

  test('results in the hash open once, and the hash is cleared', async () => {
    const config = (await import('../engine/sweep/sweepConfig')).presetConfig('lecture');
    const results = emptyResults(config, { engineVersion: '0.2.0', backend: 'wasm', backendDetails: '', startedAt: '2026-12-01T10:00:00.000Z', finishedAt: null, device: '' });
    const f = fakeEnvironment(`/#${encodeResultsHash(makeBundle('Shared', results))}`);
    const lab = new Lab(f.env);
    await settle();
    expect(lab.sweep.getState().current?.title).toBe('Shared');
    expect(f.address()).not.toContain('#');
    f.navigate('#r=corrupt!');
    expect(lab.sweep.getState().share).toMatchObject({ tone: 'error', text: expect.stringMatching(/looks cut off or changed/), detail: expect.stringMatching(/not base64url/) });
    expect(lab.sweep.getState().current?.title).toBe('Shared');
  });
});

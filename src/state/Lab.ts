/**
 * The headless lab (issue 11; tldraw's Editor is the model): one object that owns the worker, the state,
 * the stored sweeps and the address bar, and offers every command a person can give. React components read
 * its state through selectors and call its commands; nothing else talks to the worker or to storage, and
 * main.tsx only builds a Lab and mounts the page on it. Tests build one on a fake environment.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MethodId } from '../engine/attribution/catalog';
import type { TrainConfig } from '../engine/defaults';
import type { TrainField } from '../engine/config/trainConfig';
import { makeBundle, type ResultsBundle } from '../engine/sweep/bundle';
import { applySweepEvent, emptyResults, ENGINE_VERSION, type SweepResults } from '../engine/sweep/results';
import { PRESETS, presetConfig, SWEEP_SETTINGS, sweepConfigErrors, withRandomBaseline, type PresetId, type SweepConfig } from '../engine/sweep/sweepConfig';
import { RECORD_FORMAT, RECORD_VERSION, type RecordStatus, type SweepRecord } from '../engine/sweep/sweepRecord';
import { backendFromUrl } from '../share/backendParam';
import { readBundleFile } from '../share/bundleFile';
import { shardFromUrl } from '../share/shardParam';
import { mergeResults, sweepMismatch, type ResultsPartInput } from '../engine/sweep/mergeResults';
import { shardText } from '../engine/sweep/shardText';
import { readChecksFile } from '../share/checksFile';
import { decodeConfigQuery, encodeConfigQuery, type ShareConfig } from '../share/configQuery';
import { presetOf } from '../share/presetOf';
import { decodeResultsHash, resultsLink } from '../share/resultsLink';
import type { LabClient } from '../worker/labClient';
import type { WorkerEvent, WorkerRequest } from '../worker/protocol';
import { checkGalleryForm, type GalleryForm } from './galleryForm';
import { galleryOnEvent, initialGallery, type GalleryState } from './galleryState';
import { initialMetrics, metricsOnEvent, type MetricsState } from './metricsState';
import { initialSanity, sanityOnEvent, type SanityState } from './sanityState';
import { SANITY_FIELDS, type SanityRequest } from '../engine/sanity/sanityRequest';
import { DEFAULT_METRICS_REQUEST, METRICS_FIELDS, SEED004_METRICS, type MetricsRequest, type MetricsSetting } from '../engine/metrics/metricsRequest';
import type { MetricId } from '../engine/metrics/metricCatalog';
import { parseText } from '../engine/config/field';
import { editForm, formOf } from './settingsForm';
import type { SweepStorage } from './sweepStorage';
import { initialSweep, type ShareMessage, type SweepState } from './sweepState';
import { initialTraining, trainingConfig, trainingForm, trainingOnEvent, type TrainingState } from './trainingState';
import { checkTrainValue, trainValueFromText } from '../engine/config/trainConfig';
import { cutCodePoints } from '../engine/config/text';

/** What the lab needs from the world around it: a worker, storage, the address bar. */
export interface LabEnvironment {
  startWorker(backend: ReturnType<typeof backendFromUrl>['backend']): LabClient;
  storage: SweepStorage;
  location: {
    readonly origin: string;
    readonly pathname: string;
    readonly search: string;
    readonly hash: string;
    /** Replaces the address (history.replaceState), so Back still leaves the page. */
    replace(pathQueryHash: string): void;
    onHashChange(listener: () => void): void;
  };
  /** The device's description for provenance (navigator.userAgent). */
  device: string;
  /** A results bundle the lab ships (public/reference/). */
  fetchReference(file: string): Promise<Blob>;
}

const newId = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
/** A stranger's file name, short enough for a sentence. */
const shortName = (name: string): string => cutCodePoints(name, 60);

const BUSY = 'A sweep is running: stop it first, so that its finished runs stay on screen, then open the results again.';

export class Lab {
  readonly training: StoreApi<TrainingState> = createStore<TrainingState>()(() => initialTraining());
  readonly gallery: StoreApi<GalleryState> = createStore<GalleryState>()(() => initialGallery());
  readonly sweep: StoreApi<SweepState> = createStore<SweepState>()(() => initialSweep());
  readonly metrics: StoreApi<MetricsState> = createStore<MetricsState>()(() => initialMetrics());
  readonly sanity: StoreApi<SanityState> = createStore<SanityState>()(() => initialSanity());
  /** The notices of the link the page was opened with (bad or unknown settings), or null. */
  readonly linkNotice: string | null;

  private readonly client: LabClient;
  private lastJobId = 0;
  /** Releases this tab's hold on the running sweep (its Web Lock). */
  private release: (() => void) | null = null;

  /** The shard bundles merged into the sweep on screen, and the stored record they fill. */
  private mergeParts: ResultsPartInput[] = [];
  private mergeRecordId: string | null = null;
  /** Files are opened one after another, so that shard bundles dropped together merge in turn. */
  private opening: Promise<void> = Promise.resolve();

  constructor(private readonly env: LabEnvironment) {
    const { backend } = backendFromUrl(env.location.search);
    this.client = env.startWorker(backend);
    this.client.onEvent((e) => this.handle(e));
    const { shard, notice } = shardFromUrl(env.location.search);
    this.sweep.setState({ shard });
    this.linkNotice = [this.applySettingsLink(env.location.search), notice].filter((n) => n !== null).join(' ') || null;
    this.followSettingsInUrl();
    void this.refreshSaved();
    this.openResultsHash();
    env.location.onHashChange(() => this.openResultsHash());
  }

  private send(msg: WorkerRequest): void {
    this.client.send(msg);
  }

  private nextJobId(): number {
    return ++this.lastJobId;
  }

  private handle(e: WorkerEvent): void {
    const t = trainingOnEvent(this.training.getState(), e);
    if (t) this.training.setState(t);
    const g = galleryOnEvent(this.gallery.getState(), e);
    if (g) this.gallery.setState(g);
    const m = metricsOnEvent(this.metrics.getState(), e);
    if (m) this.metrics.setState(m);
    const c = sanityOnEvent(this.sanity.getState(), e);
    if (c) this.sanity.setState(c);
    this.sweepOnEvent(e);
  }

  // ——— Training (step 1) ———

  setTrainingText(field: TrainField, text: string): void {
    const s = this.training.getState();
    const msg = checkTrainValue(field, trainValueFromText(field, text));
    const formErrors = { ...s.formErrors };
    if (msg) formErrors[field] = msg;
    else delete formErrors[field];
    this.training.setState({ form: { ...s.form, [field]: text }, formErrors });
  }

  setTrainingConfig(config: TrainConfig): void {
    this.training.setState({ form: trainingForm(config), formErrors: {} });
  }

  train(): void {
    const s = this.training.getState();
    if (s.status !== 'idle' || !s.data) return;
    const { config, errors } = trainingConfig(s.form);
    this.training.setState({ formErrors: errors });
    if (!config) return;
    const jobId = this.nextJobId();
    this.training.setState({ status: 'training', jobId, progress: [], samplesPerSec: null, samplesSeen: 0, totalSamples: config.trainSize * config.epochs, jobError: null });
    // The page works on one dataset: the sweep's, which the gallery then explains too.
    this.send({ type: 'train', jobId, config, dataset: this.sweep.getState().config.dataset });
  }

  stopTraining(): void {
    const s = this.training.getState();
    if (s.status !== 'training') return;
    this.training.setState({ status: 'stopping' });
    this.send({ type: 'stop', jobId: s.jobId });
  }

  // ——— Gallery (step 2) ———

  setGalleryField<K extends keyof GalleryForm>(key: K, value: GalleryForm[K]): void {
    this.gallery.setState((s) => ({ form: { ...s.form, [key]: value } }));
  }

  selectGalleryMethod(id: MethodId, selected: boolean): void {
    this.gallery.setState((s) => ({ form: { ...s.form, methods: { ...s.form.methods, [id]: { ...s.form.methods[id], selected } } } }));
  }

  setGalleryMethodValue(id: MethodId, key: string, value: string): void {
    this.gallery.setState((s) => ({ form: { ...s.form, methods: { ...s.form.methods, [id]: { ...s.form.methods[id], values: { ...s.form.methods[id].values, [key]: value } } } } }));
  }

  /** Why the gallery cannot compute now, in words, or null. */
  galleryBlocked(): string | null {
    const t = this.training.getState();
    if (!t.model) return 'Train a base model first (step 1): the maps explain its decisions.';
    if (t.status !== 'idle') return 'Wait for the training to finish: the maps explain the finished model.';
    if (this.sweep.getState().status !== 'idle') return 'Wait for the sweep to finish, or cancel it: the lab computes one thing at a time.';
    if (this.metrics.getState().status !== 'idle' || this.sanity.getState().status !== 'idle') return 'Wait for the checks of step 4 to finish, or stop them: the lab computes one thing at a time.';
    return null;
  }

  showMaps(): void {
    const g = this.gallery.getState();
    if (g.status === 'computing' || this.galleryBlocked()) return;
    const { request } = checkGalleryForm(g.form);
    if (!request) return;
    const jobId = this.nextJobId();
    this.gallery.setState({ status: 'computing', jobId, pending: request, error: null });
    this.send({ type: 'gallery', jobId, request });
  }

  // ——— Metrics without retraining (step 4) ———

  setMetricsImages(text: string): void {
    const r = parseText(METRICS_FIELDS.images, text);
    this.metrics.setState({ imagesText: text, imagesError: 'error' in r ? r.error : null });
  }

  setMetricsSetting(setting: MetricsSetting): void {
    this.metrics.setState({ setting });
  }

  showMetric(id: MetricId): void {
    this.metrics.setState({ shown: id });
  }

  /** Why step 4 (the metrics, the sanity checks) cannot compute now, in words, or null. */
  checksBlocked(): string | null {
    const t = this.training.getState();
    if (!t.model) return 'Train a base model first (step 1): the metrics score its decisions.';
    if (t.status !== 'idle') return 'Wait for the training to finish: the metrics score the finished model.';
    if (this.sweep.getState().status !== 'idle') return 'Wait for the sweep to finish, or cancel it: the lab computes one thing at a time.';
    if (this.gallery.getState().status !== 'idle') return 'Wait for the maps to finish.';
    if (this.metrics.getState().status !== 'idle' || this.sanity.getState().status !== 'idle') return 'Wait for the other check to finish: the lab computes one thing at a time.';
    return null;
  }

  /** The request the metrics would send: the sweep's methods and masking rule, so both charts compare the same. */
  metricsRequest(): MetricsRequest | null {
    const m = this.metrics.getState();
    const images = parseText(METRICS_FIELDS.images, m.imagesText);
    if ('error' in images) return null;
    const { methods, mask, target, mapSeed } = this.sweep.getState().config;
    if (m.setting === 'seed004') {
      // The replacement stays the sweep's: seed 004 §4.2 compares the dataset mean (its default) with the input's
      // minimum and maximum, black and white here.
      const { methods: lossGradients, groups, fractions, rankTransform } = SEED004_METRICS;
      return { ...DEFAULT_METRICS_REQUEST, methods: lossGradients, groups, fractions, images: images.value, mask: { ...mask, rankTransform, filter: 'none' }, target: 'label', mapSeed };
    }
    return { ...DEFAULT_METRICS_REQUEST, images: images.value, methods, mask, target, mapSeed };
  }

  computeMetrics(): void {
    const request = this.metricsRequest();
    if (this.checksBlocked() || !request) return;
    const jobId = this.nextJobId();
    this.metrics.setState({ status: 'computing', jobId, progress: null, error: null });
    this.send({ type: 'metrics', jobId, request });
  }

  stopMetrics(): void {
    const m = this.metrics.getState();
    if (m.status !== 'computing') return;
    this.metrics.setState({ status: 'stopping' });
    this.send({ type: 'stop', jobId: m.jobId });
  }

  /** A file of `roar evaluate` or `roar sanity`: shown in step 4 as if computed here, or refused in words. */
  async openChecksFile(file: File): Promise<void> {
    const r = await readChecksFile(file);
    const name = shortName(file.name);
    if ('error' in r) this.metrics.setState({ fileNotice: { text: `${name}: ${r.error}`, error: true } });
    else if ('metrics' in r) this.metrics.setState({ result: r.metrics, error: null, fileNotice: { text: `Opened ${name} (roar evaluate).`, error: false }, shown: r.metrics.metrics[0]?.metric ?? 'deletion' });
    else {
      this.sanity.setState({ outcome: r.sanity, error: null, shownMethod: null });
      this.metrics.setState({ fileNotice: { text: `Opened ${name} (roar sanity).`, error: false } });
    }
  }

  setSanityText(key: keyof SanityState['form'], text: string): void {
    const s = this.sanity.getState();
    const errors = { ...s.errors };
    if (key !== 'shuffled') {
      const r = parseText(SANITY_FIELDS[key], text);
      if ('error' in r) errors[key] = r.error;
      else delete errors[key];
    }
    this.sanity.setState({ form: { ...s.form, [key]: text }, errors });
  }

  showSanityMethod(key: string): void {
    this.sanity.setState({ shownMethod: key });
  }

  /** The checks' request: the sweep's methods, and step 1's training settings for the shuffled-label model. */
  sanityRequest(): SanityRequest | null {
    const s = this.sanity.getState();
    const images = parseText(SANITY_FIELDS.images, s.form.images);
    const seed = parseText(SANITY_FIELDS.seed, s.form.seed);
    const trained = this.training.getState().model;
    if ('error' in images || 'error' in seed || !trained) return null;
    const { methods, target, mapSeed } = this.sweep.getState().config;
    return { methods, images: images.value, seed: seed.value, target, mapSeed, shuffledLabels: s.form.shuffled === '1' ? trained.config : null };
  }

  runSanity(): void {
    const request = this.sanityRequest();
    if (this.checksBlocked() || !request) return;
    const jobId = this.nextJobId();
    this.sanity.setState({ status: 'computing', jobId, progress: null, error: null });
    this.send({ type: 'sanity', jobId, request });
  }

  stopSanity(): void {
    const s = this.sanity.getState();
    if (s.status !== 'computing') return;
    this.sanity.setState({ status: 'stopping' });
    this.send({ type: 'stop', jobId: s.jobId });
  }

  // ——— Sweep (step 3) ———

  /** The preset's protocol, on the dataset already chosen. */
  choosePreset(id: PresetId): void {
    const config = { ...presetConfig(id), dataset: this.sweep.getState().config.dataset };
    this.sweep.setState({ preset: id, config, form: formOf(SWEEP_SETTINGS, config) });
  }

  /** A whole configuration (a link's): the matching preset lights up, the form shows it. */
  private setSweepConfig(config: SweepConfig): void {
    const preset = presetOf(config);
    this.sweep.setState({ preset, config, form: formOf(SWEEP_SETTINGS, config) });
  }

  /** A sweep setting's control changed; the configuration takes the value when it is allowed. */
  setSweepText(path: string, text: string): void {
    const s = this.sweep.getState();
    const { config, form } = editForm(SWEEP_SETTINGS, s.config, s.form, path, text);
    this.sweep.setState({ config, form, preset: presetOf(config) });
  }

  toggleSweepMethod(id: MethodId, on: boolean): void {
    const s = this.sweep.getState();
    const methods = on ? [...s.config.methods, { id, params: {} }] : s.config.methods.filter((m) => m.id !== id);
    // The last method cannot go: a sweep compares at least one method with random.
    if (methods.length === 0) return;
    const config = { ...s.config, methods };
    this.sweep.setState({ config, form: { ...s.form, texts: { ...s.form.texts, methods: SWEEP_SETTINGS.find((x) => x.path === 'methods')!.field.toText(methods) } }, preset: presetOf(config) });
  }

  /** Every problem with the sweep's settings: each control's, then the configuration's own. */
  sweepProblems(): string[] {
    const s = this.sweep.getState();
    return [...new Set([...Object.values(s.form.errors), ...sweepConfigErrors(s.config)])];
  }

  runSweep(): void {
    const s = this.sweep.getState();
    const backend = this.training.getState().backend;
    if (s.status !== 'idle' || !backend || this.sweepProblems().length || this.metrics.getState().status !== 'idle' || this.sanity.getState().status !== 'idle') return;
    const config = withRandomBaseline(s.config);
    const startedAt = new Date().toISOString();
    const what = s.preset === 'custom' ? 'custom sweep' : `${PRESETS[s.preset].label} preset`;
    const label = s.shard ? `Shard ${shardText(s.shard)} of the ${what}` : what[0].toUpperCase() + what.slice(1);
    void this.launch({
      format: RECORD_FORMAT,
      version: RECORD_VERSION,
      id: newId(),
      title: `${label}, ${startedAt.slice(0, 16).replace('T', ' ')}`,
      status: 'running',
      updatedAt: startedAt,
      results: emptyResults(config, { engineVersion: ENGINE_VERSION, backend: backend.name, backendDetails: backend.details, startedAt, finishedAt: null, device: this.env.device, ...(s.shard && { shard: s.shard }) }),
    });
  }

  /** The links of a sweep split across a class: the settings with `shard=i/n`, one per student. */
  classLinks(count: number): string[] {
    return Array.from({ length: count }, (_, i) => `${this.settingsUrl()}&shard=${i + 1}/${count}`);
  }

  private async launch(record: SweepRecord): Promise<void> {
    const jobId = this.nextJobId();
    this.sweep.setState({ current: record, status: 'running', jobId, progress: null, error: null });
    this.release?.();
    this.release = await this.env.storage.hold(record.id);
    await this.persist('running');
    // A shard's tab runs its block of the plan only.
    this.send({ type: 'sweep', jobId, id: record.id, config: record.results.config, completed: record.results.runs.map((r) => r.key), shard: record.results.provenance.shard ?? null });
  }

  pauseSweep(): void {
    const s = this.sweep.getState();
    if (s.status !== 'running') return;
    this.send({ type: 'pause', jobId: s.jobId });
    this.sweep.setState({ status: 'paused' });
    void this.persist('paused');
  }

  resumeSweep(): void {
    const s = this.sweep.getState();
    if (s.status !== 'paused') return;
    this.send({ type: 'resume', jobId: s.jobId });
    this.sweep.setState({ status: 'running' });
    void this.persist('running');
  }

  cancelSweep(): void {
    const s = this.sweep.getState();
    if (s.status !== 'running' && s.status !== 'paused') return;
    this.send({ type: 'stop', jobId: s.jobId });
    this.sweep.setState({ status: 'stopping' });
  }

  /** Continues a stored sweep that was cut off or cancelled, skipping its finished runs (and its kept base models and maps). */
  resumeSaved(id: string): void {
    const s = this.sweep.getState();
    const saved = s.saved.find((x) => x.record.id === id);
    const backend = this.training.getState().backend;
    if (!saved || s.status !== 'idle') return;
    const was = saved.record.results.provenance.backend;
    if (backend && was !== backend.name) {
      this.sweep.setState({ error: `This sweep started on ${was}; resuming on ${backend.name} mixes backends (their numbers differ slightly). Reopen the page with ?backend=${was} to keep them alike.` });
      return;
    }
    void this.launch(structuredClone(saved.record));
  }

  openSaved(id: string): void {
    const saved = this.sweep.getState().saved.find((x) => x.record.id === id);
    if (saved && this.sweep.getState().status === 'idle') this.sweep.setState({ current: structuredClone(saved.record), progress: null, error: null });
  }

  async deleteSaved(id: string): Promise<void> {
    const s = this.sweep.getState();
    if (s.current?.id === id && s.status !== 'idle') return;
    await this.env.storage.remove(id);
    if (this.sweep.getState().current?.id === id) this.sweep.setState({ current: null });
    await this.refreshSaved();
  }

  async refreshSaved(): Promise<void> {
    try {
      const { sweeps, problems } = await this.env.storage.list();
      this.sweep.setState({ saved: sweeps, storageProblems: problems });
    } catch (e) {
      this.sweep.setState({ error: `This browser's storage is unavailable, so sweeps will not survive a reload (${e instanceof Error ? e.message : String(e)}).` });
    }
  }

  private async persist(status?: RecordStatus): Promise<void> {
    const cur = this.sweep.getState().current;
    if (!cur) return;
    const record: SweepRecord = { ...cur, status: status ?? cur.status, updatedAt: new Date().toISOString() };
    this.sweep.setState({ current: record });
    try {
      await this.env.storage.save(record);
      await this.refreshSaved();
    } catch (e) {
      this.sweep.setState({ error: `Could not store the sweep in this browser: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private updateResults(f: (r: SweepResults) => SweepResults): void {
    const cur = this.sweep.getState().current;
    if (cur) this.sweep.setState({ current: { ...cur, results: f(cur.results) } });
  }

  private sweepOnEvent(e: WorkerEvent): void {
    const s = this.sweep.getState();
    if (!('jobId' in e) || e.jobId !== s.jobId || !s.current || s.status === 'idle') return;
    switch (e.type) {
      case 'sweepStarted':
        if (e.details) this.updateResults((r) => ({ ...r, provenance: { ...r.provenance, backendDetails: e.details! } }));
        break;
      case 'sweepProgress':
        this.sweep.setState({ progress: e.progress });
        break;
      case 'sweepBase':
        this.updateResults((r) => applySweepEvent(r, { type: 'base', base: e.base }));
        break;
      case 'sweepNoRetrain':
        this.updateResults((r) => applySweepEvent(r, { type: 'noRetrain', result: e.result }));
        break;
      case 'sweepRun':
        this.updateResults((r) => applySweepEvent(r, { type: 'run', run: e.run }));
        void this.persist();
        break;
      case 'sweepDone':
        this.updateResults((r) => ({ ...r, provenance: { ...r.provenance, finishedAt: e.cancelled ? null : new Date().toISOString() } }));
        this.sweep.setState({ status: 'idle' });
        void this.persist(e.cancelled ? 'cancelled' : 'finished').then(() => this.letGo());
        break;
      case 'jobError':
        this.sweep.setState({ status: 'idle', error: `The sweep stopped: ${e.message} Its finished runs are kept; you can resume it.` });
        void this.persist('failed').then(() => this.letGo());
        break;
    }
  }

  private letGo(): void {
    this.release?.();
    this.release = null;
    void this.refreshSaved();
  }

  // ——— Sharing ———

  /** Shows results from elsewhere (a file, a link, the shipped references) and stores them. */
  private async showImported(bundle: ResultsBundle, source: string): Promise<void> {
    const record: SweepRecord = { format: RECORD_FORMAT, version: RECORD_VERSION, id: newId(), title: bundle.title, status: 'imported', updatedAt: new Date().toISOString(), results: bundle.results };
    this.sweep.setState({ current: record, progress: null, error: null });
    await this.persist('imported');
    this.say({ tone: 'ok', text: `Opened “${bundle.title}” ${source}: ${bundle.results.runs.length} runs, stored in this browser.` });
  }

  say(message: ShareMessage | null): void {
    this.sweep.setState({ share: message });
  }

  openResultsFile(file: File): Promise<void> {
    this.opening = this.opening.then(() => this.openOne(file));
    return this.opening;
  }

  private async openOne(file: File): Promise<void> {
    if (this.sweep.getState().status !== 'idle') return this.say({ tone: 'error', text: BUSY });
    const r = await readBundleFile(file);
    if ('error' in r) this.say({ tone: 'error', text: `Could not open “${shortName(file.name)}”. The results on the page are unchanged.`, detail: r.error });
    else if (r.bundle.results.provenance.shard) await this.mergeShard(r.bundle, shortName(file.name));
    else {
      this.mergeParts = [];
      this.sweep.setState({ merged: null });
      await this.showImported(r.bundle, `from “${shortName(file.name)}”`);
    }
  }

  /**
   * A shard's bundle: merged with the shards already dropped when it is of the same sweep (mergeResults.ts),
   * or the start of a new merge when it is of another; the chart grows with each, and the page says which
   * shards are in.
   */
  private async mergeShard(bundle: ResultsBundle, name: string): Promise<void> {
    const part = { name, results: bundle.results };
    const sameSweep = this.mergeParts.length > 0 && sweepMismatch(this.mergeParts[0], part) === null;
    const parts = sameSweep ? [...this.mergeParts, part] : [part];
    const m = mergeResults(parts);
    if ('error' in m) return this.say({ tone: 'error', text: `Could not merge “${name}”; the merged results on the page are unchanged.`, detail: m.error });
    this.mergeParts = parts;
    if (!sameSweep) this.mergeRecordId = newId();
    const count = bundle.results.provenance.shard!.count;
    const have = parts.map((p) => p.results.provenance.shard!.index).sort((a, b) => a - b);
    const whole = bundle.title.replace(/^Shard \d+\/\d+ of the /, '');
    const title = `${whole[0].toUpperCase()}${whole.slice(1)} (shards ${have.join(', ')} of ${count})`;
    const record: SweepRecord = { format: RECORD_FORMAT, version: RECORD_VERSION, id: this.mergeRecordId!, title, status: 'imported', updatedAt: new Date().toISOString(), results: m.results };
    this.sweep.setState({ current: record, progress: null, error: null, merged: { have, count } });
    await this.persist('imported');
    const missing = m.missingShards.length ? ` Still missing: ${m.missingShards.join(', ')}.` : ' Every shard is in.';
    this.say({ tone: 'ok', text: `Merged “${name}”: shards ${have.join(', ')} of ${count} are in, ${m.results.runs.length} runs.${missing}` });
  }

  async openReference(file: string, label: string): Promise<void> {
    if (this.sweep.getState().status !== 'idle') return this.say({ tone: 'error', text: BUSY });
    try {
      const r = await readBundleFile(await this.env.fetchReference(file));
      if ('error' in r) this.say({ tone: 'error', text: `The reference results “${label}” could not be opened.`, detail: r.error });
      else await this.showImported(r.bundle, 'from the lab’s reference results');
    } catch (e) {
      this.say({ tone: 'error', text: `The reference results “${label}” could not be loaded.`, detail: e instanceof Error ? e.message : String(e) });
    }
  }

  /** Opens the results a link's hash carries, then clears the hash, so that a reload does not open them again. */
  openResultsHash(): void {
    const { location } = this.env;
    const r = decodeResultsHash(location.hash);
    if (r === null) return;
    location.replace(`${location.pathname}${location.search}`);
    if ('error' in r) this.say({ tone: 'error', text: 'The results in this link could not be opened: it looks cut off or changed — ask for a fresh copy. Nothing on the page was changed.', detail: r.error });
    else if (this.sweep.getState().status !== 'idle') this.say({ tone: 'error', text: BUSY });
    else void this.showImported(r.bundle, 'from the link');
  }

  /** The training form as typed; a field that is not a valid value reads as one, which links leave out. */
  private shareConfig(sweep = this.sweep.getState().config): ShareConfig {
    const form = this.training.getState().form;
    const train = Object.fromEntries(Object.entries(form).map(([f, text]) => [f, trainValueFromText(f as TrainField, text)])) as unknown as TrainConfig;
    return { train, sweep, backend: backendFromUrl(this.env.location.search).backend };
  }

  /** The page's address with every setting in its query; with results, the sweep settings are the ones that made them. */
  settingsUrl(sweep?: SweepConfig): string {
    return `${this.env.location.origin}${this.env.location.pathname}?${encodeConfigQuery(this.shareConfig(sweep))}`;
  }

  /** A link with the current results in its hash, or how long it would be. */
  resultsLink(): { url: string } | { tooLong: number } | null {
    const cur = this.sweep.getState().current;
    return cur ? resultsLink(this.settingsUrl(cur.results.config), this.currentBundle()!) : null;
  }

  currentBundle(): ResultsBundle | null {
    const cur = this.sweep.getState().current;
    return cur ? makeBundle(cur.title, cur.results) : null;
  }

  /** Applies a link's settings to the forms; the notices about what it could not apply, or null. */
  private applySettingsLink(search: string): string | null {
    const { config, notices, present } = decodeConfigQuery(search, this.shareConfig());
    if (present) {
      this.setTrainingConfig(config.train);
      this.setSweepConfig(config.sweep);
    }
    return notices.length ? notices.join(' ') : null;
  }

  /** Writes the settings into the address on every change (keeping the hash); at once when the page was opened with settings. */
  private followSettingsInUrl(): void {
    const write = (): void => {
      const { location } = this.env;
      const shard = this.sweep.getState().shard;
      location.replace(`${location.pathname}?${encodeConfigQuery(this.shareConfig())}${shard ? `&shard=${shardText(shard)}` : ''}${location.hash}`);
    };
    this.training.subscribe((s, prev) => {
      if (s.form !== prev.form) write();
    });
    this.sweep.subscribe((s, prev) => {
      if (s.config !== prev.config) write();
    });
    if (this.env.location.search) write();
  }
}

/**
 * K reference CNNs trained and scored by the fused kernels (kernels.wgsl.ts) on one GPUDevice — the one
 * tfjs-backend-webgpu made, so maps, tensors and these kernels share a device. The images stay on the GPU
 * as uint8 and the pixel orders as uint16; each model's mask is applied on the GPU from them; a step is six
 * dispatches and many steps go into one command buffer; the host reads back only the running loss and
 * correct counts, when the training loop asks (issue 13).
 */
import { DEFAULT_MASK, PIXELS, type MaskConfig } from '../defaults';
import { DATASETS, type Normalisation } from '../data/datasets';
import type { MnistSplit } from '../data/mnist';
import { PARAM_COUNT, PARAM_SPECS } from '../model/cnn';
import { pixelsToMask } from '../masking/maskCount';
import { replacementValue, type ConstantReplacement } from '../masking/replacement';
import type { RunKind } from '../sweep/sweepPlan';
import type { GradientScore } from '../attribution/types';
import { BACKWARD_CONV, BACKWARD_DENSE, DENSE_SAMPLES, FORWARD_CONV, FORWARD_DENSE, STEP_SLOT_BYTES, UPDATE, WEIGHT_GRAD_THREADS, WEIGHT_GRADS } from './kernels.wgsl';

/** Floats per sample in each activation buffer (kernels.wgsl.ts). */
const ACT_ROW = 3024;
const DENSE_ROW = 680;
const GRAD_ROW = 2572;
/** Where each sample's input gradient starts in its gradient row (kernels.wgsl.ts, BACKWARD_CONV). */
const DX_OFFSET = 0;
/** Steps encoded into one command buffer before it is submitted. */
export const STEPS_PER_SUBMIT = 32;
const ADAM_BETA2 = 0.999;
const ADAM_EPSILON = 1e-8;

const normaliser = ({ mean, std }: Normalisation) => (x: number): number => (x - mean) / std;

/** Images (and their labels) resident on the GPU, with each image's normalised mean for the imageMean fill. */
export interface GpuSplit {
  readonly count: number;
  /** The dataset's normalisation, which the tables hold and masks fill with. */
  readonly norm: Normalisation;
  readonly images: GPUBuffer;
  readonly labels: GPUBuffer;
  /** 256 normalised pixel values, then each image's normalised mean. */
  readonly tables: GPUBuffer;
  destroy(): void;
}

/** A method's pixel orders for a split, resident on the GPU (uint16, two per word). */
export interface GpuOrders {
  readonly buffer: GPUBuffer;
  destroy(): void;
}

/** How one model's inputs are masked: none, a method's orders at a threshold, or the removal pattern alone. */
export interface ModelMask {
  kind: RunKind | 'plain';
  threshold: number;
  mask: MaskConfig;
}

/** One step's optimiser settings (training/optimizer.ts computes the same numbers on the host). */
export interface StepRate {
  optimizer: 'sgd' | 'adam';
  learningRate: number;
  momentum: number;
  /** Adam: the step count t, from 1. */
  t: number;
}

// WebGPU's flag values (the spec's), so this module loads before a platform defines the GPU* globals (Node).
const USAGE = { MAP_READ: 0x1, COPY_SRC: 0x4, COPY_DST: 0x8, UNIFORM: 0x40, STORAGE: 0x80 } as const;
const COMPUTE_STAGE = 0x4;
const MAP_READ_MODE = 0x1;
const STORAGE = USAGE.STORAGE | USAGE.COPY_DST | USAGE.COPY_SRC;

function buffer(device: GPUDevice, bytes: number, usage = STORAGE): GPUBuffer {
  // WebGPU buffers are sized in multiples of 4 bytes, at least 4.
  return device.createBuffer({ size: Math.max(4, Math.ceil(bytes / 4) * 4), usage });
}

function upload(device: GPUDevice, data: ArrayBufferView, usage = STORAGE): GPUBuffer {
  const b = buffer(device, data.byteLength, usage);
  const whole = data.byteLength - (data.byteLength % 4);
  // From the view's own memory (shared memory too, as the sweep's orders are), in whole words; a short tail padded.
  if (whole > 0) device.queue.writeBuffer(b, 0, data.buffer, data.byteOffset, whole);
  if (whole < data.byteLength) {
    const tail = new Uint8Array(4);
    tail.set(new Uint8Array(data.buffer, data.byteOffset + whole, data.byteLength - whole));
    device.queue.writeBuffer(b, whole, tail);
  }
  return b;
}

/** Puts a split's images, labels and mean table on the device. */
export function uploadSplit(device: GPUDevice, split: MnistSplit): GpuSplit {
  const norm = DATASETS[split.dataset];
  const normalise = normaliser(norm);
  const images = upload(device, split.images.subarray(0, split.count * PIXELS));
  const labels = upload(device, Uint32Array.from(split.labels.subarray(0, split.count)));
  const tables = new Float32Array(256 + split.count);
  for (let v = 0; v < 256; v++) tables[v] = normalise(v / 255);
  for (let i = 0; i < split.count; i++) tables[256 + i] = normalise(replacementValue('imageMean', split.images, i * PIXELS, 1 / 255, norm));
  const tableBuffer = upload(device, tables);
  return { count: split.count, norm, images, labels, tables: tableBuffer, destroy: () => [images, labels, tableBuffer].forEach((b) => b.destroy()) };
}

export function uploadOrders(device: GPUDevice, orders: Uint16Array): GpuOrders {
  const b = upload(device, orders);
  return { buffer: b, destroy: () => b.destroy() };
}

/** The mask uniform of one model (kernels.wgsl.ts, struct Mask), for inputs normalised by `norm`. */
function maskWords(m: ModelMask, norm: Normalisation): ArrayBuffer {
  const normalise = normaliser(norm);
  const out = new ArrayBuffer(32);
  const u = new Uint32Array(out);
  const f = new Float32Array(out);
  if (m.kind === 'plain') return out;
  const count = pixelsToMask(m.threshold);
  const [lo, hi] = m.mask.mode === 'roar' ? [0, count] : [count, PIXELS];
  if (m.kind === 'maskOnly') {
    u.set([2, lo, hi, 0]);
    f[4] = normalise(1);
    f[5] = normalise(0);
    return out;
  }
  if (m.mask.replacement === 'noisyLinear') throw new Error('The fused kernels fill removed pixels with one value; noisy linear imputation runs on the tfjs engine.');
  u.set([1, lo, hi, m.mask.replacement === 'imageMean' ? 1 : 0]);
  f[4] = m.mask.replacement === 'imageMean' ? 0 : normalise(replacementValue(m.mask.replacement as ConstantReplacement, [], 0, 1, norm));
  return out;
}

/** Whether the fused kernels can apply this mask (they fill with one value per image). */
export const fusedCanMask = (m: ModelMask): boolean => m.kind === 'plain' || m.kind === 'maskOnly' || m.mask.replacement !== 'noisyLinear';

/** How many models fit one set of activation buffers at this batch size under the device's binding limit. */
export function maxModels(device: GPUDevice, rows: number): number {
  return Math.max(1, Math.floor(device.limits.maxStorageBufferBindingSize / (rows * ACT_ROW * 4)));
}

interface Kernel {
  pipeline: GPUComputePipeline;
  layout: GPUBindGroupLayout;
}

/**
 * Threads per workgroup of the per-sample kernels. A CPU adapter (SwiftShader) runs a workgroup's invocations
 * four at a time as coroutines and pays for every barrier across all of them: 16 was fastest there (256: 2.9×
 * slower, 64: 1.4×, 4: 1.2×; BENCHMARKS.md); a GPU wants at least two warps.
 */
function workgroupThreads(device: GPUDevice): number {
  const info = (device as GPUDevice & { adapterInfo?: { vendor?: string; architecture?: string } }).adapterInfo;
  return info?.architecture === 'swiftshader' || info?.vendor === 'google' ? 16 : 64;
}

const kernelCache = new WeakMap<GPUDevice, Record<string, Kernel>>();

/** The six pipelines, compiled once per device; binding 0 is the step's uniform slot (a dynamic offset). */
async function kernels(device: GPUDevice): Promise<Record<string, Kernel>> {
  const cached = kernelCache.get(device);
  if (cached) return cached;
  const threads = workgroupThreads(device);
  device.pushErrorScope('validation');
  // Which bindings each kernel only reads: they are bound read-only (more may be bound at once).
  const specs: Record<string, { code: string; readOnly: boolean[] }> = {
    forwardConv: { code: FORWARD_CONV, readOnly: [true, true, true, true, true, true, false] },
    forwardDense: { code: FORWARD_DENSE, readOnly: [true, true, true, true, false, false] },
    backwardDense: { code: BACKWARD_DENSE, readOnly: [true, false] },
    backwardConv: { code: BACKWARD_CONV, readOnly: [true, false, true, false] },
    weightGrads: { code: WEIGHT_GRADS, readOnly: [true, true, true, false] },
    update: { code: UPDATE, readOnly: [false, true, false, false, true, false] },
  };
  const out: Record<string, Kernel> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const layout = device.createBindGroupLayout({
      entries: [
        { binding: 0, visibility: COMPUTE_STAGE, buffer: { type: 'uniform', hasDynamicOffset: true } },
        ...spec.readOnly.map((ro, i) => ({ binding: i + 1, visibility: COMPUTE_STAGE, buffer: { type: ro ? ('read-only-storage' as const) : ('storage' as const) } })),
      ],
    });
    const module = device.createShaderModule({ code: spec.code, label: name });
    const pipeline = await device.createComputePipelineAsync({
      layout: device.createPipelineLayout({ bindGroupLayouts: [layout] }),
      compute: { module, entryPoint: 'main', constants: { WG: threads } },
      label: name,
    });
    out[name] = { pipeline, layout };
  }
  const error = await device.popErrorScope();
  if (error) throw new Error(`The fused kernels did not compile: ${error.message}`);
  kernelCache.set(device, out);
  return out;
}

/** Workgroups along a batch of n samples for the dense kernels (DENSE_SAMPLES samples each). */
const denseGroups = (n: number): number => Math.ceil(n / DENSE_SAMPLES);

/** The 2-D grid of 256-thread workgroups that covers `threads` (65,535 at most per dimension). */
function grid(threads: number): [number, number] {
  const groups = Math.ceil(threads / 256);
  const x = Math.min(groups, 65535);
  return [x, Math.ceil(groups / x)];
}

export class FusedCnn {
  readonly k: number;
  readonly rows: number;
  private readonly kern: Record<string, Kernel>;
  private readonly weights: GPUBuffer;
  private readonly grads: GPUBuffer;
  private readonly moment1: GPUBuffer;
  private readonly moment2: GPUBuffer;
  private readonly acts: GPUBuffer;
  private readonly dense: GPUBuffer;
  private readonly gradAct: GPUBuffer;
  private readonly stats: GPUBuffer;
  private readonly masks: GPUBuffer;
  private readonly slots: GPUBuffer;
  private order: GPUBuffer;
  private out: GPUBuffer;
  private readonly empty: GPUBuffer;
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private slot = 0;
  private destroyed = false;

  /** K models, each stepping on at most `rows` samples at once (the batch size). */
  static async create(device: GPUDevice, k: number, rows: number): Promise<FusedCnn> {
    return new FusedCnn(device, k, rows, await kernels(device));
  }

  private constructor(
    readonly device: GPUDevice,
    k: number,
    rows: number,
    kern: Record<string, Kernel>,
  ) {
    if (k > maxModels(device, rows)) throw new RangeError(`${k} models of ${rows} samples need more than this device's ${device.limits.maxStorageBufferBindingSize} bytes per binding.`);
    this.k = k;
    this.rows = rows;
    this.kern = kern;
    const params = k * PARAM_COUNT * 4;
    this.weights = buffer(device, params);
    this.grads = buffer(device, params);
    this.moment1 = buffer(device, params);
    this.moment2 = buffer(device, params);
    this.acts = buffer(device, k * rows * ACT_ROW * 4);
    this.dense = buffer(device, k * rows * DENSE_ROW * 4);
    this.gradAct = buffer(device, k * rows * GRAD_ROW * 4);
    this.stats = buffer(device, k * 2 * 4);
    this.masks = buffer(device, k * 32);
    this.slots = buffer(device, STEPS_PER_SUBMIT * STEP_SLOT_BYTES, USAGE.UNIFORM | USAGE.COPY_DST);
    this.order = buffer(device, 4);
    this.out = buffer(device, 4);
    this.empty = buffer(device, 4);
    this.setMasks(Array.from({ length: k }, () => ({ kind: 'plain' as const, threshold: 0, mask: DEFAULT_MASK })));
  }

  /** Each model's weights (PARAM_SPECS order); the optimiser state starts at zero. */
  setWeights(models: readonly (readonly Float32Array[])[]): void {
    if (models.length !== this.k) throw new RangeError(`${models.length} weight sets for ${this.k} models.`);
    const all = new Float32Array(this.k * PARAM_COUNT);
    models.forEach((ws, m) => {
      let at = m * PARAM_COUNT;
      ws.forEach((w, i) => {
        const size = PARAM_SPECS[i].shape.reduce((a: number, b: number) => a * b, 1);
        if (w.length !== size) throw new RangeError(`${PARAM_SPECS[i].name}: ${w.length} values, expected ${size}.`);
        all.set(w, at);
        at += size;
      });
    });
    this.device.queue.writeBuffer(this.weights, 0, all);
    const zeros = new Float32Array(this.k * PARAM_COUNT);
    this.device.queue.writeBuffer(this.moment1, 0, zeros);
    this.device.queue.writeBuffer(this.moment2, 0, zeros);
  }

  async readWeights(): Promise<Float32Array[][]> {
    const all = new Float32Array(await this.read(this.weights, this.k * PARAM_COUNT * 4));
    return Array.from({ length: this.k }, (_, m) => {
      let at = m * PARAM_COUNT;
      return PARAM_SPECS.map((spec) => {
        const size = spec.shape.reduce((a: number, b: number) => a * b, 1);
        const w = all.slice(at, at + size);
        at += size;
        return w;
      });
    });
  }

  /** The models' masks, for inputs normalised by `norm` (MNIST's by default). */
  setMasks(masks: readonly ModelMask[], norm: Normalisation = DATASETS.mnist): void {
    if (masks.length !== this.k) throw new RangeError(`${masks.length} masks for ${this.k} models.`);
    const words = new Uint8Array(this.k * 32);
    masks.forEach((m, i) => words.set(new Uint8Array(maskWords(m, norm)), i * 32));
    this.device.queue.writeBuffer(this.masks, 0, words);
  }

  /** The epoch's example order of each model, [K × count]. */
  setOrder(orders: readonly Uint32Array[]): void {
    const count = orders[0].length;
    const all = new Uint32Array(this.k * count);
    orders.forEach((o, m) => all.set(o, m * count));
    if (this.order.size < all.byteLength) {
      this.order.destroy();
      this.order = buffer(this.device, all.byteLength);
    }
    this.device.queue.writeBuffer(this.order, 0, all);
  }

  private writeSlot(fields: { n: number; from: number; count: number; source: number; seed: number; guided?: boolean; inputGrad?: boolean; rate?: StepRate }): number {
    if (this.slot === STEPS_PER_SUBMIT) this.submit();
    const words = new ArrayBuffer(80);
    const u = new Uint32Array(words);
    const f = new Float32Array(words);
    u.set([fields.n, fields.from, fields.count, this.rows, fields.source, fields.seed, fields.guided ? 1 : 0, fields.inputGrad ? 1 : 0]);
    const r = fields.rate;
    if (r) {
      u[8] = r.optimizer === 'adam' ? 1 : 0;
      f[9] = r.learningRate;
      f[10] = r.momentum;
      f[11] = r.optimizer === 'adam' ? r.learningRate / (1 - r.momentum ** r.t) : 0;
      f[12] = Math.sqrt(1 - ADAM_BETA2 ** r.t);
      f[13] = 1 - r.momentum;
      f[14] = ADAM_BETA2;
      f[15] = 1 - ADAM_BETA2;
      f[16] = ADAM_EPSILON;
    }
    u[17] = this.k;
    const offset = this.slot * STEP_SLOT_BYTES;
    this.device.queue.writeBuffer(this.slots, offset, words);
    this.slot++;
    return offset;
  }

  private computePass(): GPUComputePassEncoder {
    this.encoder ??= this.device.createCommandEncoder();
    this.pass ??= this.encoder.beginComputePass();
    return this.pass;
  }

  private dispatch(name: string, offset: number, bindings: GPUBuffer[], groups: [number, number]): void {
    const { pipeline, layout } = this.kern[name];
    const group = this.device.createBindGroup({
      layout,
      entries: [{ binding: 0, resource: { buffer: this.slots, size: 80 } }, ...bindings.map((b, i) => ({ binding: i + 1, resource: { buffer: b } }))],
    });
    const pass = this.computePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, group, [offset]);
    pass.dispatchWorkgroups(groups[0], groups[1]);
  }

  /** Sends what is encoded so far to the GPU. */
  submit(): void {
    if (this.pass) this.pass.end();
    if (this.encoder) this.device.queue.submit([this.encoder.finish()]);
    this.pass = null;
    this.encoder = null;
    this.slot = 0;
  }

  private forward(offset: number, split: GpuSplit, orders: GpuOrders | null, n: number): void {
    this.dispatch('forwardConv', offset, [this.weights, split.images, orders?.buffer ?? this.empty, this.order, split.tables, this.masks, this.acts], [n, this.k]);
    this.dispatch('forwardDense', offset, [this.weights, this.acts, split.labels, this.order, this.dense, this.out], [denseGroups(n), this.k]);
  }

  /** One optimiser step of every model on examples from..from+n of its epoch order (setOrder) over `split`. */
  step(split: GpuSplit, orders: GpuOrders | null, from: number, n: number, rate: StepRate): void {
    if (n > this.rows) throw new RangeError(`A step of ${n} samples; these models step on at most ${this.rows}.`);
    const offset = this.writeSlot({ n, from, count: split.count, source: 0, seed: 0, rate });
    this.forward(offset, split, orders, n);
    this.dispatch('backwardDense', offset, [this.weights, this.dense], [denseGroups(n), this.k]);
    this.dispatch('backwardConv', offset, [this.weights, this.acts, this.dense, this.gradAct], [n, this.k]);
    this.dispatch('weightGrads', offset, [this.acts, this.dense, this.gradAct, this.grads], grid(this.k * WEIGHT_GRAD_THREADS));
    this.dispatch('update', offset, [this.weights, this.grads, this.moment1, this.moment2, this.dense, this.stats], grid(this.k * PARAM_COUNT));
  }

  /** Per model, the mean losses summed and the correct predictions counted since the last call. */
  async takeStats(): Promise<{ loss: Float64Array; correct: Float64Array }> {
    const raw = new Float32Array(await this.read(this.stats, this.k * 8));
    this.device.queue.writeBuffer(this.stats, 0, new Float32Array(this.k * 2));
    const loss = new Float64Array(this.k);
    const correct = new Float64Array(this.k);
    for (let m = 0; m < this.k; m++) {
      loss[m] = raw[2 * m];
      correct[m] = raw[2 * m + 1];
    }
    return { loss, correct };
  }

  /** Each model's predicted class for every image of `split` (masked by its own mask), [K][count]. */
  async predict(split: GpuSplit, orders: GpuOrders | null): Promise<Uint8Array[]> {
    const bytes = this.k * split.count * 4;
    if (this.out.size < bytes) {
      this.out.destroy();
      this.out = buffer(this.device, bytes);
    }
    for (let from = 0; from < split.count; from += this.rows) {
      const n = Math.min(this.rows, split.count - from);
      const offset = this.writeSlot({ n, from, count: split.count, source: 1, seed: 0 });
      this.forward(offset, split, orders, n);
    }
    const all = new Uint32Array(await this.read(this.out, bytes));
    return Array.from({ length: this.k }, (_, m) => Uint8Array.from(all.subarray(m * split.count, (m + 1) * split.count)));
  }

  /**
   * d(score)/d(input) of model 0 for each of `inputs` (normalised images, n × 784): the score is the target
   * class's logit (vanilla gradient, and guided backpropagation with `guided`) or its cross-entropy (`loss`).
   * What every map built from input gradients is made of (attribution/types.ts InputGradients), on the
   * kernels that train, `rows` images per pass.
   */
  async inputGradients(inputs: Float32Array, targets: ArrayLike<number>, opts: GradientScore = {}): Promise<Float32Array> {
    const n = targets.length;
    if (inputs.length !== n * PIXELS) throw new RangeError(`${inputs.length} input values for ${n} images.`);
    const out = new Float32Array(n * PIXELS);
    if (this.out.size < this.rows * 4) {
      this.out.destroy();
      this.out = buffer(this.device, this.rows * 4);
    }
    const rows = new Float32Array(this.rows * ACT_ROW);
    for (let from = 0; from < n; from += this.rows) {
      const m = Math.min(this.rows, n - from);
      for (let b = 0; b < m; b++) rows.set(inputs.subarray((from + b) * PIXELS, (from + b + 1) * PIXELS), b * ACT_ROW);
      this.device.queue.writeBuffer(this.acts, 0, rows, 0, m * ACT_ROW);
      this.device.queue.writeBuffer(this.out, 0, Uint32Array.from({ length: m }, (_, b) => targets[from + b]));
      const offset = this.writeSlot({ n: m, from: 0, count: m, source: 2, seed: opts.loss ? 2 : 1, guided: opts.guided, inputGrad: true });
      this.dispatch('forwardConv', offset, [this.weights, this.empty, this.empty, this.order, this.empty, this.masks, this.acts], [m, 1]);
      this.dispatch('forwardDense', offset, [this.weights, this.acts, this.empty, this.order, this.dense, this.out], [denseGroups(m), 1]);
      this.dispatch('backwardDense', offset, [this.weights, this.dense], [denseGroups(m), 1]);
      this.dispatch('backwardConv', offset, [this.weights, this.acts, this.dense, this.gradAct], [m, 1]);
      // Only each row's input gradient comes back, not the whole gradient row (3.4× the bytes).
      const dx = await this.readback(m * PIXELS * 4, (enc, staging) => {
        for (let b = 0; b < m; b++) enc.copyBufferToBuffer(this.gradAct, (b * GRAD_ROW + DX_OFFSET) * 4, staging, b * PIXELS * 4, PIXELS * 4);
      });
      out.set(new Float32Array(dx), from * PIXELS);
    }
    return out;
  }

  /** Submits, then copies `bytes` of `source` back to the host. */
  private read(source: GPUBuffer, bytes: number): Promise<ArrayBuffer> {
    return this.readback(bytes, (enc, staging) => enc.copyBufferToBuffer(source, 0, staging, 0, staging.size));
  }

  /** Submits, then `bytes` that `gather` copies into a staging buffer, back on the host. */
  private async readback(bytes: number, gather: (enc: GPUCommandEncoder, staging: GPUBuffer) => void): Promise<ArrayBuffer> {
    this.submit();
    const staging = this.device.createBuffer({ size: Math.ceil(bytes / 4) * 4, usage: USAGE.MAP_READ | USAGE.COPY_DST });
    const enc = this.device.createCommandEncoder();
    gather(enc, staging);
    this.device.queue.submit([enc.finish()]);
    await staging.mapAsync(MAP_READ_MODE);
    const copy = staging.getMappedRange().slice(0, bytes);
    staging.unmap();
    staging.destroy();
    return copy;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.submit();
    for (const b of [this.weights, this.grads, this.moment1, this.moment2, this.acts, this.dense, this.gradAct, this.stats, this.masks, this.slots, this.order, this.out, this.empty]) b.destroy();
  }
}

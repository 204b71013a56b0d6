/**
 * The reference CNN (model/cnn.ts) as six WGSL compute kernels for K models at once (issue 13): forward
 * conv (input + mask, conv1 + ReLU + pool, conv2 + ReLU + pool in one workgroup per image), forward dense
 * (three layers and the softmax cross-entropy), backward dense, backward conv (with each image's share of the
 * conv parameters' gradients, or, for maps, the input gradient), the weight gradients summed over the batch, and
 * the optimiser step (SGD with momentum, or Adam). One workgroup per image (the dense kernels: per DENSE_SAMPLES
 * images, so that each weight loaded serves several) keeps the activations in workgroup memory (≤ 16 KiB,
 * WebGPU's default limit) between the layers of a kernel. The layers are register-blocked (several outputs, or samples, per thread, taps unrolled) and
 * sum in tfjs's order, so that the engines' rounding stays alike.
 *
 * Layouts follow tfjs so that weights move between the engines unchanged: NHWC activations, HWIO conv
 * kernels, [in, out] dense kernels; a model's parameters lie contiguously in PARAM_SPECS order. Max-pool
 * ties go to the first maximum in row-major window order, as tfjs's CPU kernels and the lab's WASM kernel.
 */

/** Offsets of each parameter within one model's PARAM_COUNT values (PARAM_SPECS order). */
export const OFFSETS = { c1w: 0, c1b: 150, c2w: 156, c2b: 2556, f1w: 2572, f1b: 33292, f2w: 33412, f2b: 43492, f3w: 43576, f3b: 44416, end: 44426 } as const;

/** Bytes of the per-step uniform block; each step has its own slot (dynamic offsets must be 256-aligned). */
export const STEP_SLOT_BYTES = 256;

const COMMON = /* wgsl */ `
// Threads per workgroup of the per-sample kernels, set per device when the pipelines are made (fusedCnn.ts).
override WG: u32 = 64u;
const P: u32 = ${OFFSETS.end}u;
const C1W: u32 = ${OFFSETS.c1w}u; const C1B: u32 = ${OFFSETS.c1b}u;
const C2W: u32 = ${OFFSETS.c2w}u; const C2B: u32 = ${OFFSETS.c2b}u;
const F1W: u32 = ${OFFSETS.f1w}u; const F1B: u32 = ${OFFSETS.f1b}u;
const F2W: u32 = ${OFFSETS.f2w}u; const F2B: u32 = ${OFFSETS.f2b}u;
const F3W: u32 = ${OFFSETS.f3w}u; const F3B: u32 = ${OFFSETS.f3b}u;

// One step's settings (st). source: 0 = the epoch order (training), 1 = images from..from+n (scoring), 2 = the
// host's float inputs (maps, drawn digits). seed: 0 = train (cross-entropy / n), 1 = the target logit
// (maps: d logit / d x), 2 = the cross-entropy of the target (loss-gradient maps, not divided by n).
struct Step {
  n: u32, start: u32, count: u32, rows: u32,
  source: u32, seed: u32, guided: u32, inputGrad: u32,
  optimizer: u32, lr: f32, mu: f32, stepSize: f32,
  c2: f32, oneMinusMu: f32, beta2: f32, oneMinusBeta2: f32,
  eps: f32, models: u32, pad0: u32, pad1: u32,
}

// One model's mask: kind 0 = plain images, 1 = masked images, 2 = the mask pattern alone. Ranks lo..hi of
// the image's order are replaced (ROAR: 0..count, KAR: count..784) by fill (or the image's own mean when
// imageMean is 1); for the pattern, replaced pixels are fill and the others keep.
struct Mask {
  kind: u32, lo: u32, hi: u32, imageMean: u32,
  fill: f32, keep: f32, pad0: u32, pad1: u32,
}
`;

/** The uint8 pixel p of image i from 4-per-word storage, and the uint16 rank r of image i's order. */
const UNPACK = /* wgsl */ `
fn pixelAt(i: u32, p: u32) -> u32 {
  let e = i * 784u + p;
  return (images[e >> 2u] >> ((e & 3u) * 8u)) & 255u;
}
fn orderAt(i: u32, r: u32) -> u32 {
  let e = i * 784u + r;
  return (orders[e >> 1u] >> ((e & 1u) * 16u)) & 65535u;
}
`;

/** Unrolled code, `body(...args)` for every combination of the ranges' values, joined by newlines. */
function unroll(ranges: readonly number[], body: (...at: number[]) => string): string {
  const out: string[] = [];
  const walk = (at: number[]): void => {
    if (at.length === ranges.length) out.push(body(...at));
    else for (let v = 0; v < ranges[at.length]; v++) walk([...at, v]);
  };
  walk([]);
  return out.join('\n');
}

/**
 * A 5×5 convolution's four outputs under one 2×2 pool window, from the 6×6 patch x<r>_<s> (in registers) and the
 * weights `weights(i, j)` of each tap (one per accumulator set) into accumulators acc[..][0..3] (row-major window
 * order). Unrolled, each weight and input is loaded once for four outputs: SwiftShader pays for every loop
 * iteration and memory access far more than for register arithmetic, and a GPU is no worse for it.
 */
function convTaps(weights: (i: number, j: number) => readonly string[], accs: readonly (readonly string[])[]): string {
  return unroll([5, 5], (i, j) => {
    const lines = weights(i, j).map((u, v) => `let u${v} = ${u};`);
    [[0, 0], [0, 1], [1, 0], [1, 1]].forEach(([di, dj], q) => accs.forEach((acc, v) => lines.push(`${acc[q]} += x${i + di}_${j + dj} * u${v};`)));
    return `  { ${lines.join(' ')} }`;
  });
}

/** Max-pool of q0..q3 after ReLU (first maximum wins, as tfjs): best and the window index in arg, per component. */
function reluPool(t: string, q: readonly string[], zero: string): string {
  return [
    `var best${t} = max(${q[0]}, ${zero});`,
    `var arg${t} = ${zero};`,
    ...[1, 2, 3].map((k) => `{ let r = max(${q[k]}, ${zero}); let m = r > best${t}; best${t} = select(best${t}, r, m); arg${t} = select(arg${t}, ${zero} + ${k}.0, m); }`),
  ].join('\n    ');
}

/** Input + mask, conv1 + ReLU + pool, conv2 + ReLU + pool: one workgroup per (image, model). */
export const FORWARD_CONV = /* wgsl */ `${COMMON}
@group(0) @binding(0) var<uniform> st: Step;
@group(0) @binding(1) var<storage, read> w: array<f32>;
@group(0) @binding(2) var<storage, read> images: array<u32>;
@group(0) @binding(3) var<storage, read> orders: array<u32>;
@group(0) @binding(4) var<storage, read> order: array<u32>;
@group(0) @binding(5) var<storage, read> tables: array<f32>;
@group(0) @binding(6) var<storage, read> masks: array<Mask>;
@group(0) @binding(7) var<storage, read_write> acts: array<f32>;
${UNPACK}
// acts holds, per sample row s: x (784) | p1 (864) | a1 (864, argmax as f32) | p2 (256) | a2 (256)
const XO: u32 = 0u; const P1O: u32 = 784u; const A1O: u32 = 1648u; const P2O: u32 = 2512u; const A2O: u32 = 2768u;
const ROW: u32 = 3024u;

var<workgroup> xs: array<f32, 784>;
var<workgroup> p1s: array<f32, 864>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) li: u32) {
  let b = wg.x;
  let k = wg.y;
  if (b >= st.n) { return; }
  let s = k * st.rows + b;
  let base = s * ROW;
  let wk = k * P;
  let mask = masks[k];
  var img = 0u;
  if (st.source == 0u) { img = order[k * st.count + st.start + b]; }
  else if (st.source == 1u) { img = st.start + b; }
  // The image's normalised pixels (tables[0..256): the uint8 → input table, tables[256 + i]: image i's mean),
  // four to a thread: one word of the image (784 pixels are 196 whole words).
  for (var e = li; e < 196u; e += WG) {
    let p = 4u * e;
    if (st.source == 2u) {
      for (var d = 0u; d < 4u; d++) { xs[p + d] = acts[base + XO + p + d]; }
    } else if (mask.kind == 2u) {
      for (var d = 0u; d < 4u; d++) { xs[p + d] = mask.keep; }
    } else {
      let word = images[img * 196u + e];
      for (var d = 0u; d < 4u; d++) { xs[p + d] = tables[(word >> (8u * d)) & 255u]; }
    }
  }
  if (st.source != 2u && mask.kind != 0u) {
    workgroupBarrier();
    var fill = mask.fill;
    if (mask.imageMean == 1u && mask.kind == 1u) { fill = tables[256u + img]; }
    for (var r = mask.lo + li; r < mask.hi; r += WG) { xs[orderAt(img, r)] = fill; }
  }
  workgroupBarrier();
  if (st.source != 2u) {
    for (var p = li; p < 784u; p += WG) { acts[base + XO + p] = xs[p]; }
  }
  // conv1: a thread per pool1 output position, its six channels as a vec4 (0..3) and a vec2 (4, 5).
  for (var t = li; t < 144u; t += WG) {
    let py = t / 12u;
    let px = t % 12u;
    let at = py * 56u + px * 2u;
    ${unroll([6, 6], (r, c) => `let x${r}_${c} = xs[at + ${r * 28 + c}u];`).replace(/\n/g, '\n    ')}
    let bias = C1B + wk;
    let ba = vec4f(w[bias], w[bias + 1u], w[bias + 2u], w[bias + 3u]);
    let bb = vec2f(w[bias + 4u], w[bias + 5u]);
    var a0 = ba; var a1 = ba; var a2 = ba; var a3 = ba;
    var b0 = bb; var b1 = bb; var b2 = bb; var b3 = bb;
    let wt = C1W + wk;
${convTaps((i, j) => {
  const e = (i * 5 + j) * 6;
  return [`vec4f(w[wt + ${e}u], w[wt + ${e + 1}u], w[wt + ${e + 2}u], w[wt + ${e + 3}u])`, `vec2f(w[wt + ${e + 4}u], w[wt + ${e + 5}u])`];
}, [['a0', 'a1', 'a2', 'a3'], ['b0', 'b1', 'b2', 'b3']]).replace(/^/gm, '  ')}
    ${reluPool('A', ['a0', 'a1', 'a2', 'a3'], 'vec4f(0.0)')}
    ${reluPool('B', ['b0', 'b1', 'b2', 'b3'], 'vec2f(0.0)')}
    let o = t * 6u;
    p1s[o] = bestA.x; p1s[o + 1u] = bestA.y; p1s[o + 2u] = bestA.z; p1s[o + 3u] = bestA.w;
    p1s[o + 4u] = bestB.x; p1s[o + 5u] = bestB.y;
    let po = base + P1O + o;
    acts[po] = bestA.x; acts[po + 1u] = bestA.y; acts[po + 2u] = bestA.z; acts[po + 3u] = bestA.w;
    acts[po + 4u] = bestB.x; acts[po + 5u] = bestB.y;
    let ao = base + A1O + o;
    acts[ao] = argA.x; acts[ao + 1u] = argA.y; acts[ao + 2u] = argA.z; acts[ao + 3u] = argA.w;
    acts[ao + 4u] = argB.x; acts[ao + 5u] = argB.y;
  }
  workgroupBarrier();
  // conv2: a thread per (pool2 output position, four output channels); threads next to each other share the
  // channels, so their weight loads are the same address.
  for (var t = li; t < 64u; t += WG) {
    let pos = t % 16u;
    let oc = (t / 16u) * 4u;
    let py = pos / 4u;
    let px = pos % 4u;
    let bias = wk + C2B + oc;
    let bv = vec4f(w[bias], w[bias + 1u], w[bias + 2u], w[bias + 3u]);
    var q0 = bv; var q1 = bv; var q2 = bv; var q3 = bv;
    // Summed in tfjs's order (i, j, c), so that rounding follows the reference engine's.
    for (var i = 0u; i < 5u; i++) {
      let at = ((py * 2u + i) * 12u + px * 2u) * 6u;
      ${unroll([2, 6, 6], (r, cc, c) => `let x${r}_${cc}_${c} = p1s[at + ${(r * 12 + cc) * 6 + c}u];`).replace(/\n/g, '\n      ')}
      let wt = wk + C2W + i * 480u + oc;
${unroll([5, 6], (j, c) => {
  const e = (j * 6 + c) * 16;
  return `      { let u = vec4f(w[wt + ${e}u], w[wt + ${e + 1}u], w[wt + ${e + 2}u], w[wt + ${e + 3}u]); q0 += x0_${j}_${c} * u; q1 += x0_${j + 1}_${c} * u; q2 += x1_${j}_${c} * u; q3 += x1_${j + 1}_${c} * u; }`;
})}
    }
    ${reluPool('', ['q0', 'q1', 'q2', 'q3'], 'vec4f(0.0)')}
    let o = pos * 16u + oc;
    let po = base + P2O + o;
    acts[po] = best.x; acts[po + 1u] = best.y; acts[po + 2u] = best.z; acts[po + 3u] = best.w;
    let ao = base + A2O + o;
    acts[ao] = arg.x; acts[ao + 1u] = arg.y; acts[ao + 2u] = arg.z; acts[ao + 3u] = arg.w;
  }
}
`;

/**
 * Samples per workgroup of the dense kernels: each weight a thread loads serves this many samples (one workgroup
 * per sample loaded every weight once per sample, and the loads were most of the dense kernels' time).
 */
export const DENSE_SAMPLES = 4;
const SB = DENSE_SAMPLES;

/** `body(q)` for each of the workgroup's samples q, joined by `sep`. */
const perSample = (body: (q: number) => string, sep = ' '): string => unroll([SB], body).split('\n').join(sep);

/** The rows s0..s<SB-1> of the workgroup's samples b0 + q; past the batch's end, its last (computed, not written). */
const SAMPLE_ROWS = /* wgsl */ `let b0 = wg.x * ${SB}u;
  let k = wg.y;
  if (b0 >= st.n) { return; }
  let last = st.n - 1u;
  ${perSample((q) => `let s${q} = k * st.rows + min(b0 + ${q}u, last);`)}
  let wk = k * P;`;

/**
 * A dense layer with ReLU for the workgroup's samples, a thread per four outputs j..j+3 of all of them: from
 * `input` (inSize per sample) through the [inSize, outSize] kernel at wOff and the bias at bOff into `out` and
 * each active sample's dense row at `rowOff`. Summed bias first, then i in order, as tfjs.
 */
function denseRelu(input: string, inSize: number, outSize: number, wOff: string, bOff: string, out: string, rowOff: string): string {
  return `for (var t = li; t < ${outSize / 4}u; t += WG) {
    let j = t * 4u;
    let bias = wk + ${bOff} + j;
    let bv = vec4f(w[bias], w[bias + 1u], w[bias + 2u], w[bias + 3u]);
    ${perSample((q) => `var v${q} = bv;`)}
    for (var i = 0u; i < ${inSize}u; i += 4u) {
${unroll([4], (d) => `      { let at = wk + ${wOff} + (i + ${d}u) * ${outSize}u + j; let u = vec4f(w[at], w[at + 1u], w[at + 2u], w[at + 3u]); ${perSample((q) => `v${q} += ${input}[${q * inSize}u + i + ${d}u] * u;`)} }`)}
    }
${unroll([SB], (q) => `    {
      let r = max(v${q}, vec4f(0.0));
      ${[0, 1, 2, 3].map((c) => `${out}[${q * outSize}u + j + ${c}u] = r[${c}];`).join(' ')}
      if (b0 + ${q}u < st.n) { let o = s${q} * DROW + ${rowOff} + j; ${[0, 1, 2, 3].map((c) => `dense[o + ${c}u] = r[${c}];`).join(' ')} }
    }`)}
  }`;
}

/**
 * The three dense layers, the logits' softmax cross-entropy and its gradient: one workgroup per DENSE_SAMPLES
 * samples.
 */
export const FORWARD_DENSE = /* wgsl */ `${COMMON}
@group(0) @binding(0) var<uniform> st: Step;
@group(0) @binding(1) var<storage, read> w: array<f32>;
@group(0) @binding(2) var<storage, read> acts: array<f32>;
@group(0) @binding(3) var<storage, read> labels: array<u32>;
@group(0) @binding(4) var<storage, read> order: array<u32>;
@group(0) @binding(5) var<storage, read_write> dense: array<f32>;
@group(0) @binding(6) var<storage, read_write> out: array<u32>;
const P2O: u32 = 2512u; const ROW: u32 = 3024u;
// dense holds, per sample row s: h1 (120) | h2 (84) | dz (10) | loss (1) | correct (1) | dh2 (84) | dh1 (120) | df (256)
const H1O: u32 = 0u; const H2O: u32 = 120u; const DZO: u32 = 204u; const LO: u32 = 214u; const CO: u32 = 215u;
const DROW: u32 = 680u;

// Each of the workgroup's samples' features, h1, h2 and logits, one after another.
var<workgroup> f: array<f32, ${SB * 256}>;
var<workgroup> h1: array<f32, ${SB * 120}>;
var<workgroup> h2: array<f32, ${SB * 84}>;
var<workgroup> z: array<f32, ${SB * 10}>;

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) li: u32) {
  ${SAMPLE_ROWS}
  for (var i = li; i < 256u; i += WG) { ${perSample((q) => `f[${q * 256}u + i] = acts[s${q} * ROW + P2O + i];`)} }
  workgroupBarrier();
  ${denseRelu('f', 256, 120, 'F1W', 'F1B', 'h1', 'H1O')}
  workgroupBarrier();
  ${denseRelu('h1', 120, 84, 'F2W', 'F2B', 'h2', 'H2O')}
  workgroupBarrier();
  for (var j = li; j < 10u; j += WG) {
    let bias = w[wk + F3B + j];
    ${perSample((q) => `var v${q} = bias;`)}
    for (var i = 0u; i < 84u; i++) {
      let u = w[wk + F3W + i * 10u + j];
      ${perSample((q) => `v${q} += h2[${q * 84}u + i] * u;`)}
    }
    ${perSample((q) => `z[${q * 10}u + j] = v${q};`)}
  }
  workgroupBarrier();
  for (var q = li; q < ${SB}u; q += WG) {
    let b = b0 + q;
    if (b >= st.n) { break; }
    let s = k * st.rows + b;
    let zo = q * 10u;
    // The label (training, scoring) or, for maps, the class the map explains (out[s] on the way in).
    var y = 0u;
    if (st.source == 0u) { y = labels[order[k * st.count + st.start + b]]; }
    else if (st.source == 1u) { y = labels[st.start + b]; }
    else { y = out[s]; }
    var m = z[zo];
    var pred = 0u;
    for (var c = 1u; c < 10u; c++) { if (z[zo + c] > m) { m = z[zo + c]; pred = c; } }
    var sum = 0.0;
    for (var c = 0u; c < 10u; c++) { sum += exp(z[zo + c] - m); }
    let lse = log(sum) + m;
    dense[s * DROW + LO] = lse - z[zo + y];
    dense[s * DROW + CO] = select(0.0, 1.0, pred == y);
    let scale = select(1.0, 1.0 / f32(st.n), st.seed == 0u);
    for (var c = 0u; c < 10u; c++) {
      var g = 0.0;
      if (st.seed == 1u) { g = select(0.0, 1.0, c == y); }
      else { g = (exp(z[zo + c] - lse) - select(0.0, 1.0, c == y)) * scale; }
      dense[s * DROW + DZO + c] = g;
    }
    if (st.source == 1u) { out[k * st.count + st.start + b] = pred; }
  }
}
`;

/**
 * One gradient layer back through a dense kernel for the workgroup's samples, a thread per four inputs i..i+3 of
 * all of them: from `grad` (outSize per sample) through the [inSize, outSize] kernel at wOff, summed over the
 * outputs j in order (as tfjs), into g<q> (a vec4 per sample); `then` uses them.
 */
function denseBack(grad: string, inSize: number, outSize: number, wOff: string, then: string): string {
  return `for (var t = li; t < ${inSize / 4}u; t += WG) {
    let i = t * 4u;
    ${perSample((q) => `var g${q} = vec4f(0.0);`)}
    for (var j = 0u; j < ${outSize}u; j += 4u) {
${unroll([4], (d) => `      { let at = wk + ${wOff} + i * ${outSize}u + j + ${d}u; let u = vec4f(w[at], w[at + ${outSize}u], w[at + ${2 * outSize}u], w[at + ${3 * outSize}u]); ${perSample((q) => `g${q} += ${grad}[${q * outSize}u + j + ${d}u] * u;`)} }`)}
    }
    ${then}
  }`;
}

/**
 * Back through the dense layers (ReLU, or guided ReLU for guided backprop) to the flattened features: one
 * workgroup per DENSE_SAMPLES samples.
 */
export const BACKWARD_DENSE = /* wgsl */ `${COMMON}
@group(0) @binding(0) var<uniform> st: Step;
@group(0) @binding(1) var<storage, read> w: array<f32>;
@group(0) @binding(2) var<storage, read_write> dense: array<f32>;
const H1O: u32 = 0u; const H2O: u32 = 120u; const DZO: u32 = 204u; const DH2O: u32 = 216u; const DH1O: u32 = 300u; const DFO: u32 = 420u;
const DROW: u32 = 680u;

var<workgroup> dz: array<f32, ${SB * 10}>;
var<workgroup> dh2: array<f32, ${SB * 84}>;
var<workgroup> dh1: array<f32, ${SB * 120}>;

fn reluBack(g: f32, a: f32) -> f32 {
  if (a <= 0.0) { return 0.0; }
  if (st.guided == 1u && g < 0.0) { return 0.0; }
  return g;
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) li: u32) {
  ${SAMPLE_ROWS}
  for (var j = li; j < 10u; j += WG) { ${perSample((q) => `dz[${q * 10}u + j] = dense[s${q} * DROW + DZO + j];`)} }
  workgroupBarrier();
  for (var j = li; j < 84u; j += WG) {
    ${perSample((q) => `var g${q} = 0.0;`)}
    for (var c = 0u; c < 10u; c++) {
      let u = w[wk + F3W + j * 10u + c];
      ${perSample((q) => `g${q} += dz[${q * 10}u + c] * u;`)}
    }
${unroll([SB], (q) => `    {
      let g = reluBack(g${q}, dense[s${q} * DROW + H2O + j]);
      dh2[${q * 84}u + j] = g;
      if (b0 + ${q}u < st.n) { dense[s${q} * DROW + DH2O + j] = g; }
    }`)}
  }
  workgroupBarrier();
  ${denseBack('dh2', 120, 84, 'F2W', unroll([SB], (q) => `{
      ${[0, 1, 2, 3].map((c) => `let r${c} = reluBack(g${q}[${c}], dense[s${q} * DROW + H1O + i + ${c}u]);`).join(' ')}
      ${[0, 1, 2, 3].map((c) => `dh1[${q * 120}u + i + ${c}u] = r${c};`).join(' ')}
      if (b0 + ${q}u < st.n) { let o = s${q} * DROW + DH1O + i; ${[0, 1, 2, 3].map((c) => `dense[o + ${c}u] = r${c};`).join(' ')} }
    }`).replace(/\n/g, '\n    '))}
  workgroupBarrier();
  ${denseBack('dh1', 256, 120, 'F1W', unroll([SB], (q) => `if (b0 + ${q}u < st.n) { let o = s${q} * DROW + DFO + i; ${[0, 1, 2, 3].map((c) => `dense[o + ${c}u] = g${q}[${c}];`).join(' ')} }`).replace(/\n/g, '\n    '))}
}
`;

/**
 * Back through pool2, ReLU, conv2, pool1 and ReLU to g1 (the gradient at each pool1 output, where its ReLU passed
 * it), then this sample's share of the conv parameters' gradients, from the image's activations while they are at
 * hand; or, for maps, on to the input: dx.
 */
export const BACKWARD_CONV = /* wgsl */ `${COMMON}
@group(0) @binding(0) var<uniform> st: Step;
@group(0) @binding(1) var<storage, read> w: array<f32>;
@group(0) @binding(2) var<storage, read_write> acts: array<f32>;
@group(0) @binding(3) var<storage, read> dense: array<f32>;
@group(0) @binding(4) var<storage, read_write> grads: array<f32>;
const XO: u32 = 0u; const P1O: u32 = 784u; const A1O: u32 = 1648u; const P2O: u32 = 2512u; const A2O: u32 = 2768u;
const ROW: u32 = 3024u;
const DFO: u32 = 420u; const DROW: u32 = 680u;
// grads holds, per sample row s: in training, the sample's conv parameter gradients (c1w | c1b | c2w | c2b, as in
// PARAM_SPECS); for maps, dx (784).
const DXO: u32 = 0u; const GROW: u32 = 2572u;

// dz2 as each 8×8 cell's 16 channels, four to a vec4: one load serves four channels.
var<workgroup> dz2: array<vec4f, 256>;
var<workgroup> g1: array<f32, 864>;
var<workgroup> a1: array<u32, 864>;
var<workgroup> w1: array<f32, 150>;
// Each pool2 output's gradient (where its ReLU passed it) and where its argmax's 5×5×6 window starts in p1.
var<workgroup> gp: array<f32, 256>;
var<workgroup> gq: array<u32, 256>;

fn passes(g: f32, a: f32) -> bool {
  return a > 0.0 && (st.guided == 0u || g > 0.0);
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_index) li: u32) {
  let b = wg.x;
  let k = wg.y;
  if (b >= st.n) { return; }
  let s = k * st.rows + b;
  let base = s * ROW;
  let gb = s * GROW;
  let wk = k * P;
  // dz2 whole: each pool2 output's gradient at its argmax (where the ReLU passed it), zero at the other three.
  // A thread per pool2 position and four of its channels.
  for (var t = li; t < 64u; t += WG) {
    let px = (t / 4u) % 4u;
    let py = t / 16u;
    var v = vec4f(0.0);
    var q = vec4u(0u);
    for (var c = 0u; c < 4u; c++) {
      let e = t * 4u + c;
      let g = dense[s * DROW + DFO + e];
      let qe = u32(acts[base + A2O + e]);
      let ve = select(0.0, g, passes(g, acts[base + P2O + e]));
      v[c] = ve;
      q[c] = qe;
      gp[e] = ve;
      gq[e] = ((2u * py + (qe >> 1u)) * 12u + 2u * px + (qe & 1u)) * 6u;
    }
    let at = (py * 16u + px * 2u) * 4u + t % 4u;
    dz2[at] = select(vec4f(0.0), v, q == vec4u(0u));
    dz2[at + 4u] = select(vec4f(0.0), v, q == vec4u(1u));
    dz2[at + 32u] = select(vec4f(0.0), v, q == vec4u(2u));
    dz2[at + 36u] = select(vec4f(0.0), v, q == vec4u(3u));
  }
  if (st.inputGrad == 1u) {
    for (var e = li; e < 150u; e += WG) { w1[e] = w[wk + C1W + e]; }
  }
  workgroupBarrier();
  // g1: a thread per 2×2 block of pool1 outputs, their six channels as a vec4 and a vec2 each; each weight is
  // loaded once for the four. Summed in the order of the taps (i, j) and then oc, as tfjs's kernels do.
  for (var t = li; t < 36u; t += WG) {
    let ay = (t / 6u) * 2u;
    let bx = (t % 6u) * 2u;
    ${unroll([4], (v) => `var sa${v} = vec4f(0.0); var sb${v} = vec2f(0.0);`).replace(/\n/g, '\n    ')}
    for (var i = 0u; i < 5u; i++) {
      for (var j = 0u; j < 5u; j++) {
        // Output (ay + dy, bx + dx) takes dz2 cell (ay + dy - i, bx + dx - j): zero outside the 8×8.
        ${unroll([2, 2], (dy, dx) => `let ok${dy}${dx} = ay + ${dy}u >= i && ay + ${dy}u - i < 8u && bx + ${dx}u >= j && bx + ${dx}u - j < 8u;
        let at${dy}${dx} = select(0u, ((ay + ${dy}u - i) * 8u + bx + ${dx}u - j) * 4u, ok${dy}${dx});`).replace(/\n/g, '\n        ')}
        let wt = wk + C2W + (i * 5u + j) * 96u;
${unroll([4], (og) => {
  const cells = unroll([2, 2], (dy, dx) => `let e${dy * 2 + dx} = select(vec4f(0.0), dz2[at${dy}${dx} + ${og}u], ok${dy}${dx});`).split('\n');
  const taps = unroll([4], (c) => {
    const oc = og * 4 + c;
    const lines = [`let u0 = vec4f(w[wt + ${oc}u], w[wt + ${oc + 16}u], w[wt + ${oc + 32}u], w[wt + ${oc + 48}u]);`, `let u1 = vec2f(w[wt + ${oc + 64}u], w[wt + ${oc + 80}u]);`];
    cells.forEach((_, q) => lines.push(`sa${q} += e${q}[${c}] * u0; sb${q} += e${q}[${c}] * u1;`));
    return `          { ${lines.join(' ')} }`;
  });
  return `        {\n          ${cells.join(' ')}\n${taps}\n        }`;
})}
      }
    }
    ${unroll([4], (q) => {
      const [dy, dx] = [q >> 1, q & 1];
      return `{
      let o = ((ay + ${dy}u) * 12u + bx + ${dx}u) * 6u;
      let g = array<f32, 6>(sa${q}.x, sa${q}.y, sa${q}.z, sa${q}.w, sb${q}.x, sb${q}.y);
      for (var c = 0u; c < 6u; c++) {
        let v = select(0.0, g[c], passes(g[c], acts[base + P1O + o + c]));
        g1[o + c] = v;
        a1[o + c] = u32(acts[base + A1O + o + c]);
      }
    }`;
    }).replace(/\n/g, '\n    ')}
  }
  workgroupBarrier();
  if (st.inputGrad == 0u) {
    // A thread per task, the long ones first: conv1's kernel per (i, c) for its five j (each pool1 output's
    // gradient times the input under its argmax window), the biases, and conv2's kernel per (i, j, oc) for its six
    // c (only each pool2 window's argmax carries a gradient: 16 terms). Runs of inputs are read once for several
    // parameters; weightGrads sums the samples' shares.
    for (var t = li; t < 452u; t += WG) {
      if (t < 30u) {
        let i = t / 6u;
        let c = t % 6u;
        ${unroll([5], (j) => `var s${j} = 0.0;`).replace(/\n/g, ' ')}
        for (var py = 0u; py < 12u; py++) {
          for (var px = 0u; px < 12u; px++) {
            let o = (py * 12u + px) * 6u + c;
            let g = g1[o];
            let q = a1[o];
            let at = base + XO + (2u * py + (q >> 1u) + i) * 28u + 2u * px + (q & 1u);
            ${unroll([5], (j) => `s${j} += g * acts[at + ${j}u];`).replace(/\n/g, ' ')}
          }
        }
        let e = gb + C1W + i * 30u + c;
        ${unroll([5], (j) => `grads[e + ${j * 6}u] = s${j};`).replace(/\n/g, ' ')}
      } else if (t < 36u) {
        let c = t - 30u;
        var sum = 0.0;
        for (var o = c; o < 864u; o += 6u) { sum += g1[o]; }
        grads[gb + C1B + c] = sum;
      } else if (t < 52u) {
        let oc = t - 36u;
        var sum = 0.0;
        for (var win = oc; win < 256u; win += 16u) { sum += gp[win]; }
        grads[gb + C2B + oc] = sum;
      } else {
        let oc = (t - 52u) % 16u;
        let tap = (t - 52u) / 16u;
        let corner = base + P1O + ((tap / 5u) * 12u + tap % 5u) * 6u;
        var sa = vec4f(0.0);
        var sb = vec2f(0.0);
        for (var win = oc; win < 256u; win += 16u) {
          let g = gp[win];
          let at = corner + gq[win];
          sa += g * vec4f(acts[at], acts[at + 1u], acts[at + 2u], acts[at + 3u]);
          sb += g * vec2f(acts[at + 4u], acts[at + 5u]);
        }
        let e = gb + C2W + tap * 96u + oc;
        grads[e] = sa.x; grads[e + 16u] = sa.y; grads[e + 32u] = sa.z; grads[e + 48u] = sa.w;
        grads[e + 64u] = sb.x; grads[e + 80u] = sb.y;
      }
    }
    return;
  }
  for (var p = li; p < 784u; p += WG) {
    let u = p / 28u;
    let v = p % 28u;
    var g = 0.0;
    for (var i = 0u; i < 5u; i++) {
      if (u < i || u - i >= 24u) { continue; }
      let y = u - i;
      for (var j = 0u; j < 5u; j++) {
        if (v < j || v - j >= 24u) { continue; }
        let x = v - j;
        let q = (y & 1u) * 2u + (x & 1u);
        let o = ((y >> 1u) * 12u + (x >> 1u)) * 6u;
        for (var c = 0u; c < 6u; c++) {
          if (a1[o + c] == q) { g += g1[o + c] * w1[(i * 5u + j) * 6u + c]; }
        }
      }
    }
    grads[gb + DXO + p] = g;
  }
}
`;

/** Threads per model of weightGrads: a thread per conv parameter, per 4×4 block of fc1's and fc2's kernels, and per other parameter. */
export const WEIGHT_GRAD_THREADS = OFFSETS.f1w + (256 / 4) * (120 / 4) + (OFFSETS.f2w - OFFSETS.f1b) + (120 / 4) * (84 / 4) + (OFFSETS.end - OFFSETS.f2b);

/**
 * A 4×4 block of a dense kernel's gradient [in, outSize] at wOff (block r of the kernel's, row-major): the outer
 * products of the layer's inputs (in `xs`, sample s's at `x`) and output gradients (in dense, at `d`), summed over
 * the batch in order. Each of the eight values a sample gives is loaded once for four products.
 */
function denseGradBlock(outSize: number, xs: string, x: string, d: string, wOff: string): string {
  const cols = outSize / 4;
  return `let i = (r / ${cols}u) * 4u;
    let j = (r % ${cols}u) * 4u;
    ${unroll([4], (a) => `var s${a} = vec4f(0.0);`).split('\n').join(' ')}
    for (var b = 0u; b < st.n; b++) {
      let s = first + b;
      let xo = ${x} + i;
      let dv = vec4f(${[0, 1, 2, 3].map((c) => `dense[${d} + j + ${c}u]`).join(', ')});
      ${unroll([4], (a) => `s${a} += ${xs}[xo + ${a}u] * dv;`).split('\n').join(' ')}
    }
    ${unroll([4], (a) => `{ let o = gk + ${wOff} + (i + ${a}u) * ${outSize}u + j; ${[0, 1, 2, 3].map((c) => `g[o + ${c}u] = s${a}[${c}];`).join(' ')} }`).split('\n').join('\n    ')}`;
}

/** Every parameter's gradient, summed over the model's batch: WEIGHT_GRAD_THREADS threads per model. */
export const WEIGHT_GRADS = /* wgsl */ `${COMMON}
@group(0) @binding(0) var<uniform> st: Step;
@group(0) @binding(1) var<storage, read> acts: array<f32>;
@group(0) @binding(2) var<storage, read> dense: array<f32>;
@group(0) @binding(3) var<storage, read> grads: array<f32>;
@group(0) @binding(4) var<storage, read_write> g: array<f32>;
const P2O: u32 = 2512u; const ROW: u32 = 3024u;
const H1O: u32 = 0u; const H2O: u32 = 120u; const DZO: u32 = 204u; const DH2O: u32 = 216u; const DH1O: u32 = 300u; const DROW: u32 = 680u;
const GROW: u32 = 2572u;
// Where each kind of thread ends: fc1's blocks, fc1's bias, fc2's blocks, then a thread per parameter from fc2's bias.
const Q1: u32 = F1W + 1920u; const Q2: u32 = Q1 + 120u; const Q3: u32 = Q2 + 630u;
const T: u32 = ${WEIGHT_GRAD_THREADS}u;

fn fc1Block(r: u32, first: u32, gk: u32) {
  ${denseGradBlock(120, 'acts', 's * ROW + P2O', 's * DROW + DH1O', 'F1W')}
}

fn fc2Block(r: u32, first: u32, gk: u32) {
  ${denseGradBlock(84, 'dense', 's * DROW + H1O', 's * DROW + DH2O', 'F2W')}
}

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nw: vec3u) {
  let id = gid.x + gid.y * nw.x * 256u;
  if (id >= st.models * T) { return; }
  let k = id / T;
  let r = id % T;
  let first = k * st.rows;
  let gk = k * P;
  if (r >= Q1 && r < Q2) {
    let j = r - Q1;
    var sum = 0.0;
    for (var b = 0u; b < st.n; b++) { sum += dense[(first + b) * DROW + DH1O + j]; }
    g[gk + F1B + j] = sum;
    return;
  }
  if (r >= F1W && r < Q1) { fc1Block(r - F1W, first, gk); return; }
  if (r >= Q2 && r < Q3) { fc2Block(r - Q2, first, gk); return; }
  let e = select(F2B + r - Q3, r, r < F1W);
  var sum = 0.0;
  if (e < F1W) {
    // The conv parameters: the samples' shares (backwardConv).
    for (var b = 0u; b < st.n; b++) { sum += grads[(first + b) * GROW + e]; }
  } else if (e < F3W) {
    let j = e - F2B;
    for (var b = 0u; b < st.n; b++) { sum += dense[(first + b) * DROW + DH2O + j]; }
  } else if (e < F3B) {
    let q = e - F3W;
    let i = q / 10u;
    let j = q % 10u;
    for (var b = 0u; b < st.n; b++) {
      let s = first + b;
      sum += dense[s * DROW + H2O + i] * dense[s * DROW + DZO + j];
    }
  } else {
    let j = e - F3B;
    for (var b = 0u; b < st.n; b++) { sum += dense[(first + b) * DROW + DZO + j]; }
  }
  g[gk + e] = sum;
}
`;

/**
 * The optimiser (training/optimizer.ts, PyTorch's forms): SGD with momentum, v ← μv + g, θ ← θ − η·v; or
 * Adam with its bias corrections folded into stepSize and c2 = √(1 − β₂ᵗ), computed on the host per st.
 * Thread 0 of each model also adds the step's mean loss and correct count to the model's running sums.
 */
export const UPDATE = /* wgsl */ `${COMMON}
@group(0) @binding(0) var<uniform> st: Step;
@group(0) @binding(1) var<storage, read_write> w: array<f32>;
@group(0) @binding(2) var<storage, read> g: array<f32>;
@group(0) @binding(3) var<storage, read_write> m1: array<f32>;
@group(0) @binding(4) var<storage, read_write> m2: array<f32>;
@group(0) @binding(5) var<storage, read> dense: array<f32>;
@group(0) @binding(6) var<storage, read_write> stats: array<f32>;
const LO: u32 = 214u; const CO: u32 = 215u; const DROW: u32 = 680u;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nw: vec3u) {
  let id = gid.x + gid.y * nw.x * 256u;
  if (id >= st.models * P) { return; }
  let grad = g[id];
  if (st.optimizer == 0u) {
    let v = st.mu * m1[id] + grad;
    m1[id] = v;
    w[id] = w[id] - st.lr * v;
  } else {
    let m = st.mu * m1[id] + st.oneMinusMu * grad;
    let v = st.beta2 * m2[id] + st.oneMinusBeta2 * (grad * grad);
    m1[id] = m;
    m2[id] = v;
    let denom = sqrt(v) / st.c2 + st.eps;
    w[id] = w[id] - st.stepSize * (m / denom);
  }
  if (id % P == 0u) {
    let k = id / P;
    var loss = 0.0;
    var correct = 0.0;
    for (var b = 0u; b < st.n; b++) {
      let s = k * st.rows + b;
      loss += dense[s * DROW + LO];
      correct += dense[s * DROW + CO];
    }
    stats[2u * k] += loss / f32(st.n);
    stats[2u * k + 1u] += correct;
  }
}
`;

/**
 * An independent oracle for the engine (issue 10): the reference CNN of science.md §1 written out as plain
 * float64 loops — no tfjs — with its forward pass, the backward pass to the input and to every weight, and the
 * attribution maps built on them. It shares nothing with the engine but the weight layout (cnn.ts's
 * PARAM_SPECS: conv kernels [kh][kw][in][out], dense kernels [in][out], row-major) and the conventions it
 * documents: VALID 5×5 convolutions, 2×2 max-pools whose gradient goes to the first maximum of a window
 * (row-major), a ReLU whose gradient is 0 at 0, a midpoint Riemann sum for IG, and Grad-CAM's cells placed on
 * input pixel 2i + 6.5.
 */

const H0 = 28;
const K = 5;
const C1 = 6;
const H1 = H0 - K + 1; // 24
const P1 = H1 / 2; // 12
const C2 = 16;
const H2 = P1 - K + 1; // 8
const D1 = 120;
const D2 = 84;
const CLASSES = 10;

export type Weights = Float64Array[];

/** The ReLU's backward pass: plain (the gradient of f_c) or guided (Springenberg et al.: also dy > 0). */
export type ReluMode = 'plain' | 'guided';

interface Trace {
  x: Float64Array;
  h1: Float64Array; // conv1 pre-activation [24][24][6]
  a1: Float64Array;
  p1: Float64Array; // [12][12][6]
  p1From: Int32Array; // index into a1 of each pool-1 output's winner
  h2: Float64Array; // [8][8][16]
  a2: Float64Array;
  p2: Float64Array; // [4][4][16] = the flat 256 features
  p2From: Int32Array;
  z1: Float64Array; // fc1 pre-activation [120]
  r1: Float64Array;
  z2: Float64Array; // [84]
  r2: Float64Array;
  logits: Float64Array;
}

const relu = (v: number): number => (v > 0 ? v : 0);

function conv(input: Float64Array, size: number, cin: number, w: Float64Array, b: Float64Array, cout: number): Float64Array {
  const out = size - K + 1;
  const h = new Float64Array(out * out * cout);
  for (let y = 0; y < out; y++)
    for (let x = 0; x < out; x++)
      for (let co = 0; co < cout; co++) {
        let s = b[co];
        for (let ky = 0; ky < K; ky++)
          for (let kx = 0; kx < K; kx++)
            for (let ci = 0; ci < cin; ci++) s += input[((y + ky) * size + x + kx) * cin + ci] * w[((ky * K + kx) * cin + ci) * cout + co];
        h[(y * out + x) * cout + co] = s;
      }
  return h;
}

function pool(a: Float64Array, size: number, c: number): { p: Float64Array; from: Int32Array } {
  const out = size / 2;
  const p = new Float64Array(out * out * c);
  const from = new Int32Array(out * out * c);
  for (let y = 0; y < out; y++)
    for (let x = 0; x < out; x++)
      for (let ch = 0; ch < c; ch++) {
        let best = -Infinity;
        let at = -1;
        for (const [dy, dx] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
          const i = ((2 * y + dy) * size + 2 * x + dx) * c + ch;
          if (a[i] > best) {
            best = a[i];
            at = i;
          }
        }
        p[(y * out + x) * c + ch] = best;
        from[(y * out + x) * c + ch] = at;
      }
  return { p, from };
}

function dense(input: Float64Array, w: Float64Array, b: Float64Array, out: number): Float64Array {
  const z = Float64Array.from(b);
  for (let i = 0; i < input.length; i++) for (let o = 0; o < out; o++) z[o] += input[i] * w[i * out + o];
  return z;
}

export function forward(weights: Weights, x: Float64Array): Trace {
  const [w1, b1, w2, b2, w3, b3, w4, b4, w5, b5] = weights;
  const h1 = conv(x, H0, 1, w1, b1, C1);
  const a1 = h1.map(relu);
  const { p: p1, from: p1From } = pool(a1, H1, C1);
  const h2 = conv(p1, P1, C1, w2, b2, C2);
  const a2 = h2.map(relu);
  const { p: p2, from: p2From } = pool(a2, H2, C2);
  const z1 = dense(p2, w3, b3, D1);
  const r1 = z1.map(relu);
  const z2 = dense(r1, w4, b4, D2);
  const r2 = z2.map(relu);
  return { x, h1, a1, p1, p1From, h2, a2, p2, p2From, z1, r1, z2, r2, logits: dense(r2, w5, b5, CLASSES) };
}

/** The gradient at a ReLU's input from the gradient at its output. */
const reluBack = (pre: Float64Array, dy: Float64Array, mode: ReluMode): Float64Array =>
  dy.map((g, i) => (pre[i] > 0 && (mode === 'plain' || g > 0) ? g : 0));

/** Input and weight gradients of a convolution: dInput and, when asked, dW and db added into `grads`. */
function convBack(input: Float64Array, size: number, cin: number, w: Float64Array, dh: Float64Array, cout: number, grads?: { w: Float64Array; b: Float64Array }): Float64Array {
  const out = size - K + 1;
  const dIn = new Float64Array(size * size * cin);
  for (let y = 0; y < out; y++)
    for (let x = 0; x < out; x++)
      for (let co = 0; co < cout; co++) {
        const g = dh[(y * out + x) * cout + co];
        if (g === 0) continue;
        if (grads) grads.b[co] += g;
        for (let ky = 0; ky < K; ky++)
          for (let kx = 0; kx < K; kx++)
            for (let ci = 0; ci < cin; ci++) {
              const wi = ((ky * K + kx) * cin + ci) * cout + co;
              const ii = ((y + ky) * size + x + kx) * cin + ci;
              dIn[ii] += g * w[wi];
              if (grads) grads.w[wi] += g * input[ii];
            }
      }
  return dIn;
}

function denseBack(input: Float64Array, w: Float64Array, dz: Float64Array, grads?: { w: Float64Array; b: Float64Array }): Float64Array {
  const out = dz.length;
  const dIn = new Float64Array(input.length);
  for (let i = 0; i < input.length; i++)
    for (let o = 0; o < out; o++) {
      dIn[i] += dz[o] * w[i * out + o];
      if (grads) grads.w[i * out + o] += input[i] * dz[o];
    }
  if (grads) dz.forEach((g, o) => (grads.b[o] += g));
  return dIn;
}

function unpool(dp: Float64Array, from: Int32Array, size: number): Float64Array {
  const da = new Float64Array(size);
  dp.forEach((g, i) => (da[from[i]] += g));
  return da;
}

export interface Backward {
  /** ∂/∂x of the seeded output. */
  input: Float64Array;
  /** ∂/∂a2, the last conv's post-ReLU activations (Grad-CAM's dA). */
  lastConv: Float64Array;
}

/** Back-propagates `dLogits` through the traced pass; adds the weight gradients into `grads` when given. */
export function backward(weights: Weights, t: Trace, dLogits: Float64Array, mode: ReluMode = 'plain', grads?: Weights): Backward {
  const [w1, , w2, , w3, , w4, , w5] = weights;
  const g = (i: number) => (grads ? { w: grads[2 * i], b: grads[2 * i + 1] } : undefined);
  const dr2 = denseBack(t.r2, w5, dLogits, g(4));
  const dr1 = denseBack(t.r1, w4, reluBack(t.z2, dr2, mode), g(3));
  const dp2 = denseBack(t.p2, w3, reluBack(t.z1, dr1, mode), g(2));
  const da2 = unpool(dp2, t.p2From, t.a2.length);
  const dp1 = convBack(t.p1, P1, C1, w2, reluBack(t.h2, da2, mode), C2, g(1));
  const da1 = unpool(dp1, t.p1From, t.a1.length);
  const input = convBack(t.x, H0, 1, w1, reluBack(t.h1, da1, mode), C1, g(0));
  return { input, lastConv: da2 };
}

const oneHot = (c: number): Float64Array => Float64Array.from({ length: CLASSES }, (_, k) => (k === c ? 1 : 0));

/** ∂f_c/∂x. */
export const gradient = (w: Weights, x: Float64Array, c: number, mode: ReluMode = 'plain'): Float64Array => backward(w, forward(w, x), oneHot(c), mode).input;

/** (x − x′) ⊙ mean over α_k = (k + ½)/m of ∂f_c/∂x at x′ + α_k (x − x′). */
export function integratedGradients(w: Weights, x: Float64Array, c: number, steps: number, baseline: number): Float64Array {
  const sum = new Float64Array(x.length);
  for (let k = 0; k < steps; k++) {
    const alpha = (k + 0.5) / steps;
    const g = gradient(w, x.map((v) => baseline + alpha * (v - baseline)), c);
    g.forEach((v, i) => (sum[i] += v));
  }
  return sum.map((s, i) => ((x[i] - baseline) * s) / steps);
}

/** ReLU(Σ_k α_k A^k) on the 8×8 grid, each cell then placed on input pixel 2i + 6.5 and interpolated bilinearly (clamped). */
export function gradCam(w: Weights, x: Float64Array, c: number): Float64Array {
  const t = forward(w, x);
  const dA = backward(w, t, oneHot(c)).lastConv;
  const alpha = new Float64Array(C2);
  for (let i = 0; i < H2 * H2; i++) for (let k = 0; k < C2; k++) alpha[k] += dA[i * C2 + k] / (H2 * H2);
  const cells = new Float64Array(H2 * H2);
  for (let i = 0; i < H2 * H2; i++) {
    let s = 0;
    for (let k = 0; k < C2; k++) s += alpha[k] * t.a2[i * C2 + k];
    cells[i] = relu(s);
  }
  // Pixel p reads the grid at u = (p − 6.5) / 2, between cells ⌊u⌋ and ⌊u⌋ + 1.
  const taps = (p: number): [number, number, number] => {
    const u = Math.min(H2 - 1, Math.max(0, (p - 6.5) / 2));
    const lo = Math.min(H2 - 2, Math.floor(u));
    return [lo, lo + 1, u - lo];
  };
  const map = new Float64Array(H0 * H0);
  for (let p = 0; p < H0; p++)
    for (let q = 0; q < H0; q++) {
      const [r0, r1, fr] = taps(p);
      const [c0, c1, fc] = taps(q);
      const at = (r: number, cc: number) => cells[r * H2 + cc];
      map[p * H0 + q] = (1 - fr) * ((1 - fc) * at(r0, c0) + fc * at(r0, c1)) + fr * ((1 - fc) * at(r1, c0) + fc * at(r1, c1));
    }
  return map;
}

/** The weight gradients of the mean cross-entropy over a batch, as PyTorch's CrossEntropyLoss defines it. */
export function lossGradients(w: Weights, xs: readonly Float64Array[], labels: readonly number[]): Weights {
  const grads = w.map((p) => new Float64Array(p.length));
  xs.forEach((x, b) => {
    const t = forward(w, x);
    const max = Math.max(...t.logits);
    const e = t.logits.map((z) => Math.exp(z - max));
    const total = e.reduce((a, v) => a + v, 0);
    const dLogits = e.map((v, k) => (v / total - (k === labels[b] ? 1 : 0)) / xs.length);
    backward(w, t, dLogits, 'plain', grads);
  });
  return grads;
}

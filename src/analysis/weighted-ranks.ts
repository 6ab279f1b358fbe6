/**
 * Ranks under varied weights, fast and still exact: the Monte Carlo core of the sensitivity
 * analysis. Each agency's weighted sums Σ factor·points and Σ factor·max are whole numbers (the
 * factors in millionths, the points scaled to integers at the points precision) well below 2^53,
 * so doubles hold them exactly; only their quotient is inexact. The quotient decides a rank in
 * doubles when that is safe, and exactly (BigInt cross-multiplication) when two values are
 * close enough that a rounding error could matter. So no float drift changes a rank or breaks
 * a tie, and the result equals the decimal computation, at a fraction of its cost.
 */
export type Ties = 'published' | 'exact';

/** Closer than this (relative), two quotients are compared exactly. Doubles err by ~1e-16. */
const DOUBT = 1e-9;

/** One scope's agencies for the runs: their scaled points and maxima, indicator by indicator. */
export interface WeightedScope {
  /** Agencies in the scope. */
  readonly n: number;
  /** Indicators (the columns of the factor rows). */
  readonly k: number;
  /** Row j, column c: agency j's scaled points (or maximum) on indicator c; 0 where it has none. */
  readonly points: Float64Array;
  readonly max: Float64Array;
}

/**
 * The competition ranks (1, 2, 2, 4) of the scope's agencies in one run, by the index
 * Σ f·points / Σ f·max (0 when the maximum is 0), judged on the value rounded half up to
 * `places` decimals or on the exact value. `num`/`den` are scratch arrays of length n; the
 * ranks are written into `out[j·stride + offset]`.
 */
export function rankRun(scope: WeightedScope, factors: Float64Array, from: number, ties: Ties, places: number, scratch: Scratch, out: Int32Array, stride: number, offset: number): void {
  const { n, k, points, max } = scope;
  const { num, den } = scratch;
  for (let j = 0; j < n; j++) {
    let p = 0;
    let m = 0;
    const row = j * k;
    for (let c = 0; c < k; c++) {
      const f = factors[from + c]!;
      p += f * points[row + c]!;
      m += f * max[row + c]!;
    }
    // An agency with nothing to score has index 0, as the exact index of the results has.
    num[j] = m === 0 ? 0 : p;
    den[j] = m === 0 ? 1 : m;
  }
  if (ties === 'published') rankPublished(n, num, den, places, scratch, out, stride, offset);
  else rankExact(n, num, den, scratch, out, stride, offset);
}

export interface Scratch {
  readonly num: Float64Array;
  readonly den: Float64Array;
  readonly key: Float64Array;
  readonly sorted: Float64Array;
  readonly order: Uint32Array;
}

export function scratchFor(n: number): Scratch {
  return { num: new Float64Array(n), den: new Float64Array(n), key: new Float64Array(n), sorted: new Float64Array(n), order: new Uint32Array(n) };
}

/** Ties on the published value: each index rounded half away from zero to whole units of 10^-places, an exact integer key. */
function rankPublished(n: number, num: Float64Array, den: Float64Array, places: number, scratch: Scratch, out: Int32Array, stride: number, offset: number): void {
  const { key, order } = scratch;
  const scale = 10 ** places;
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < n; j++) {
    const k = publishedKey(num[j]!, den[j]!, scale, places);
    key[j] = k;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
  }
  const range = hi - lo + 1;
  if (range <= 4 * n + 1024) {
    // Keys are small integers (indices 0..1 at 4 decimals: 10,001 of them): count them, and an
    // agency's rank is 1 + how many have a greater key.
    const above = new Int32Array(range + 1);
    for (let j = 0; j < n; j++) above[key[j]! - lo]!++;
    let greater = 0;
    for (let v = range - 1; v >= 0; v--) {
      const here = above[v]!;
      above[v] = greater;
      greater += here;
    }
    for (let j = 0; j < n; j++) out[j * stride + offset] = 1 + above[key[j]! - lo]!;
    return;
  }
  for (let j = 0; j < n; j++) order[j] = j;
  order.sort((a, b) => key[b]! - key[a]!);
  assignRanks(n, order, (a, b) => key[a] === key[b], out, stride, offset);
}

/** round_half_up(num/den · 10^places), exact: doubles away from the half, BigInt near it. */
export function publishedKey(num: number, den: number, scale: number, places: number): number {
  const x = (num / den) * scale;
  const ax = Math.abs(x);
  const frac = ax - Math.floor(ax);
  if (Math.abs(frac - 0.5) > DOUBT * Math.max(1, ax)) return Math.sign(x) * Math.floor(ax + 0.5);
  const n = BigInt(Math.abs(num)) * 10n ** BigInt(places);
  const d = BigInt(den);
  const k = Number((2n * n + d) / (2n * d));
  return num < 0 ? -k : k;
}

/**
 * Ties on the exact value. The values are sorted natively as doubles, and an agency's rank is 1 +
 * how many lie above its own (a binary search). Where neighbours in that order are closer than a
 * double's error could matter (a run of them, "a cluster"), the cluster's agencies are ordered
 * exactly among themselves; the values outside a cluster are far enough apart that the doubles
 * order them right. With 10,000 agencies some pair is that close in many runs, so only the
 * cluster, never the whole scope, takes the slow path.
 */
function rankExact(n: number, num: Float64Array, den: Float64Array, scratch: Scratch, out: Int32Array, stride: number, offset: number): void {
  const { key, sorted, order } = scratch;
  for (let j = 0; j < n; j++) key[j] = num[j]! / den[j]!;
  sorted.set(key);
  sorted.sort();
  // order[p]: the cluster of sorted position p, plus one (0: none).
  const close = (x: number, y: number) => y - x <= DOUBT * Math.max(Math.abs(x), Math.abs(y));
  let clusters = 0;
  for (let p = 0; p < n; p++) order[p] = 0;
  for (let p = 1; p < n; p++) {
    if (!close(sorted[p - 1]!, sorted[p]!)) continue;
    if (order[p - 1] === 0) order[p - 1] = ++clusters;
    order[p] = order[p - 1]!;
  }
  const members: number[][] = Array.from({ length: clusters }, () => []);
  const end = new Int32Array(clusters);
  for (let p = 0; p < n; p++) if (order[p]! > 0) end[order[p]! - 1] = p + 1;
  for (let j = 0; j < n; j++) {
    const p = lastAtMost(sorted, key[j]!);
    if (order[p] === 0) out[j * stride + offset] = n - p;
    else members[order[p]! - 1]!.push(j);
  }
  const exact = (a: number, b: number) => exactCompare(num[b]!, den[b]!, num[a]!, den[a]!);
  for (let c = 0; c < clusters; c++) {
    const list = members[c]!.sort(exact);
    // Above the cluster: every value past its end in the ascending order.
    const above = n - end[c]!;
    list.forEach((j, i) => {
      out[j * stride + offset] = i > 0 && exact(list[i - 1]!, j) === 0 ? out[list[i - 1]! * stride + offset]! : above + i + 1;
    });
  }
}

/** In ascending values: the position of the last value at most v (its count, less one). */
function lastAtMost(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The sign of p/q − r/s for whole p, r and positive whole q, s. */
export function exactCompare(p: number, q: number, r: number, s: number): number {
  const left = BigInt(p) * BigInt(s);
  const right = BigInt(r) * BigInt(q);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Competition ranks along a best-first order: equal neighbours share a rank, the next is skipped. */
function assignRanks(n: number, order: Uint32Array, equal: (a: number, b: number) => boolean, out: Int32Array, stride: number, offset: number): void {
  let rank = 0;
  for (let i = 0; i < n; i++) {
    const j = order[i]!;
    if (i === 0 || !equal(order[i - 1]!, j)) rank = i + 1;
    out[j * stride + offset] = rank;
  }
}

/**
 * A seeded pseudo-random generator (mulberry32), the same algorithm as scripts/lib/random.mjs:
 * the same seed gives the same sequence on every machine, so a Monte Carlo run is repeatable.
 * Hand-written because it is ten lines and the engine must not depend on Math.random.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

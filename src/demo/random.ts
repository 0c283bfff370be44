// A seeded PRNG and pick helpers. Demo data must be identical for a seed on every machine
// and run, so nothing here reads Math.random or the clock.

/** Returns a float in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny and fast, statistically fine for demo data (never for anything secret). */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for an independent stream (one per CPAS), so that changing how many persons one CPAS
 * gets does not change the others. Integer hash in the style of murmur3's finaliser.
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = ((seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** An integer in [min, max], both included. */
export const intBetween = (rng: Rng, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

export const chance = (rng: Rng, probability: number): boolean => rng() < probability;

export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError('pick: empty list');
  return items[Math.floor(rng() * items.length)] as T;
}

export type Weighted<T> = readonly (readonly [T, number])[];

/** Picks by weight; weights need not sum to 1. Index loops: this runs many times per person. */
export function weighted<T>(rng: Rng, entries: Weighted<T>): T {
  const n = entries.length;
  if (n === 0) throw new RangeError('weighted: empty list');
  let total = 0;
  for (let i = 0; i < n; i++) total += (entries[i] as readonly [T, number])[1];
  let r = rng() * total;
  for (let i = 0; i < n; i++) {
    const entry = entries[i] as readonly [T, number];
    r -= entry[1];
    if (r < 0) return entry[0];
  }
  return (entries[n - 1] as readonly [T, number])[0];
}

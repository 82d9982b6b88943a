/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
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

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Splits item indexes into `k` folds, stratified by label so each fold keeps the data's share of
 * positives (a fold without positives has no recall to hold out). Deterministic for a seed.
 */
export function stratifiedFolds(labels: readonly boolean[], k: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  const positives = labels.flatMap((l, i) => (l ? [i] : []));
  const negatives = labels.flatMap((l, i) => (l ? [] : [i]));
  // One deal across both lists, so the larger folds do not all get the extra positive and negative.
  shuffled(positives, random)
    .concat(shuffled(negatives, random))
    .forEach((index, i) => folds[i % k]!.push(index));
  return folds.map((f) => f.sort((a, b) => a - b));
}

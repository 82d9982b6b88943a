import type { Condition, LeafCondition } from '../schema/rule-pack';

export type ConditionKeys = readonly (string | number)[];

/** Calls `visit` on every leaf condition under `condition`, with the keys that lead to it from `keys`. */
export function forEachLeaf(condition: Condition, visit: (leaf: LeafCondition, keys: ConditionKeys) => void, keys: ConditionKeys = []): void {
  if ('all' in condition) condition.all.forEach((c, i) => forEachLeaf(c, visit, [...keys, 'all', i]));
  else if ('any' in condition) condition.any.forEach((c, i) => forEachLeaf(c, visit, [...keys, 'any', i]));
  else if ('not' in condition) forEachLeaf(condition.not, visit, [...keys, 'not']);
  else visit(condition, keys);
}

/** Keys as a JSON path for people and error messages: ['conditions', 'all', 0] → `conditions.all[0]`. */
export function pathOfKeys(keys: ConditionKeys): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** The fact names a condition reads, including facts named as a comparison value. */
export function factsReadBy(condition: Condition, out: Set<string> = new Set()): Set<string> {
  forEachLeaf(condition, (leaf) => {
    out.add(leaf.fact);
    const v = leaf.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) out.add(v.fact);
  });
  return out;
}

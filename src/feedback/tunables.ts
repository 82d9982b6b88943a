import type { Rule, RulePack, Tunable } from '../schema/rule-pack';
import { forEachLeaf, pathOfKeys } from '../rules/leaves';
import type { TunableRef } from './tune-report';

/** One number of a pack marked `tunable`, where it sits, and the values tuning may try. */
export interface TunableSlot extends TunableRef {
  readonly ruleIndex: number;
  /** Keys from the rule object down to the number, e.g. ['conditions', 'all', 0, 'value']. */
  readonly keys: readonly (string | number)[];
  readonly value: number;
  readonly tunable: Tunable;
  /** min, min + step, … up to max, and the pack's own value, ascending. */
  readonly grid: readonly number[];
}

// Grid values as decimals people write (0.1 + 0.2 is 0.30000000000000004, which reads badly in a rule file).
const tidy = (x: number): number => Number(x.toPrecision(12));

function gridOf(t: Tunable, value: number): number[] {
  const values = new Set<number>([value]);
  const steps = Math.floor((t.max - t.min) / t.step + 1e-9);
  for (let i = 0; i <= steps; i++) values.add(tidy(t.min + i * t.step));
  return [...values].sort((a, b) => a - b);
}

/** Every number marked `tunable` in the pack, in rule order, then condition order. */
export function findTunables(pack: Pick<RulePack, 'rules'>): TunableSlot[] {
  const slots: TunableSlot[] = [];
  pack.rules.forEach((rule, ruleIndex) => {
    forEachLeaf(
      rule.conditions,
      (leaf, keys) => {
        if (leaf.tunable === undefined || typeof leaf.value !== 'number') return;
        const full = [...keys, 'value'];
        slots.push({
          rule: rule.name,
          ruleIndex,
          keys: full,
          path: pathOfKeys(full),
          fact: leaf.fact,
          operator: leaf.operator,
          value: leaf.value,
          tunable: leaf.tunable,
          grid: gridOf(leaf.tunable, leaf.value),
        });
      },
      ['conditions'],
    );
  });
  return slots;
}

/** Sets `value` at `keys` inside a plain JSON object, copying each object on the way (the input is untouched). */
export function setAt<T>(root: T, keys: readonly (string | number)[], value: unknown): T {
  if (keys.length === 0) return value as T;
  const [head, ...rest] = keys;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  copy[head!] = setAt(copy[head!], rest, value);
  return copy as T;
}

/** The rules with the slots' numbers replaced by `values` (same order as `slots`); nothing else changes. */
export function withValues(rules: readonly Rule[], slots: readonly TunableSlot[], values: readonly number[]): Rule[] {
  const out = [...rules];
  slots.forEach((slot, i) => {
    const value = values[i]!;
    if (value === slot.value) return;
    out[slot.ruleIndex] = setAt(out[slot.ruleIndex]!, slot.keys, value);
  });
  return out;
}

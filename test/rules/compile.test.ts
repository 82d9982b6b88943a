import { FACTS } from '../../src/schema/facts';
import type { Condition, LeafCondition, Operator, Rule, RulePack } from '../../src/schema/rule-pack';
import { defaultRulePack } from '../../src/rules/default-pack';
import { parseRulePack } from '../../src/rules/parse-pack';
import { runRules, runRulesReference } from '../../src/rules/run-rules';
import { compilePack, compileRule } from '../../src/rules/compile';
import { seededRandom } from '../helpers';


type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

const FACT_NAMES = [...Object.keys(FACTS), 'attributes.plan', 'attributes.order.total', 'attributes.missing'];
const OPERATORS: Operator[] = [
  'equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive',
  'in', 'notIn', 'contains', 'doesNotContain', 'containsAny',
];
const NUMBERS = [-1, -0.3, -0.2, 0, 0.5, 0.7, 1, 2, 3];
const STRINGS = ['vip', 'gold', 'standard', 'fraud', 'legal', 'high', 'none', '2', '12abc', ''];
const TOPICS = ['fraud', 'account_compromise', 'bereavement', 'legal', 'safety', 'cancellation'];

function scalar(r: Rand): string | number | boolean | null {
  const k = r();
  if (k < 0.45) return pick(r, NUMBERS);
  if (k < 0.8) return pick(r, STRINGS);
  if (k < 0.95) return r() < 0.5;
  return null;
}

/** A fact value of the fact's own type most of the time, and sometimes anything at all. */
function factValue(r: Rand, name: string): unknown {
  const type = (FACTS as Record<string, { type: string }>)[name]?.type;
  const odd = r() < 0.15;
  if (odd || type === undefined) {
    const k = r();
    if (k < 0.15) return undefined;
    if (k < 0.25) return pick(r, [Number.NaN, Infinity, -Infinity, '5', '12abc', [2], ['2'], {}, [], null]);
    if (k < 0.45) return Array.from({ length: Math.floor(r() * 3) }, () => scalar(r));
    return scalar(r);
  }
  if (type === 'number') return pick(r, NUMBERS);
  if (type === 'boolean') return r() < 0.5;
  if (type === 'array') return TOPICS.filter(() => r() < 0.25);
  return pick(r, STRINGS);
}

function factSet(r: Rand): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const name of FACT_NAMES) {
    if (name === 'attributes.missing' && r() < 0.7) continue;
    facts[name] = factValue(r, name);
  }
  return facts;
}

function leaf(r: Rand): LeafCondition {
  const operator = pick(r, OPERATORS);
  const fact = pick(r, FACT_NAMES);
  let value: LeafCondition['value'];
  if (operator === 'in' || operator === 'notIn' || operator === 'containsAny') {
    value = Array.from({ length: 1 + Math.floor(r() * 3) }, () => {
      const v = r() < 0.4 ? pick(r, TOPICS) : scalar(r);
      return v === null ? 'x' : v;
    });
  } else if (r() < 0.2) {
    value = { fact: pick(r, FACT_NAMES) };
  } else {
    value = operator === 'contains' || operator === 'doesNotContain' ? (r() < 0.7 ? pick(r, TOPICS) : scalar(r)) : scalar(r);
  }
  const out: LeafCondition = { fact, operator, value };
  if (r() < 0.25) out.priority = pick(r, [1, 2, 3]);
  return out;
}

function condition(r: Rand, depth: number): Condition {
  const k = r();
  if (depth >= 3 || k < 0.5) return leaf(r);
  const priority = r() < 0.25 ? { priority: pick(r, [1, 2, 3]) } : {};
  if (k < 0.62) return { not: condition(r, depth + 1), ...priority };
  const children = Array.from({ length: 1 + Math.floor(r() * 4) }, () => condition(r, depth + 1));
  return k < 0.81 ? { all: children, ...priority } : { any: children, ...priority };
}

function randomRule(r: Rand, n: number): Rule {
  const children = Array.from({ length: 1 + Math.floor(r() * 4) }, () => condition(r, 1));
  const k = r();
  const conditions = k < 0.45 ? { all: children } : k < 0.9 ? { any: children } : { not: children[0]! };
  return {
    name: `random-${n}`,
    description: 'A generated rule.',
    ...(r() < 0.3 ? { priority: pick(r, [1, 5, 10]) } : {}),
    conditions,
    event: { type: 'escalate', params: { reason: 'random', priority: 'normal' } },
  };
}

describe('compiled rules against json-rules-engine', () => {
  it('gives the same outcomes and traces on the default pack over 10,000 random fact sets', async () => {
    const r = seededRandom(20260101);
    const pack = defaultRulePack();
    expect(compilePack(pack).fallback).toHaveLength(0);
    let fired = 0;
    for (let i = 0; i < 10_000; i++) {
      const facts = factSet(r);
      const compiled = await runRules(pack, facts);
      const reference = await runRulesReference(pack, facts);
      // Whether each rule fired is known before its trace is built, and must agree with it.
      expect(compiled.map((f) => f.fired)).toEqual(reference.map((f) => f.outcome.fired));
      expect(compiled.map((f) => f.outcome)).toStrictEqual(reference.map((f) => f.outcome));
      fired += compiled.filter((f) => f.outcome.fired).length;
    }
    expect(fired).toBeGreaterThan(1000); // the cases are not all trivially negative
  });

  it('gives the same outcomes and traces on 2,500 random rules over 4 fact sets each', async () => {
    const r = seededRandom(7);
    let fired = 0;
    let notFired = 0;
    for (let n = 0; n < 2_500; n++) {
      const pack: RulePack = { rules: [randomRule(r, n)] };
      for (let j = 0; j < 4; j++) {
        const facts = factSet(r);
        const [compiled] = await runRules(pack, facts);
        const [reference] = await runRulesReference(pack, facts);
        expect(compiled!.fired).toBe(reference!.outcome.fired);
        expect(compiled!.outcome).toStrictEqual(reference!.outcome);
        if (compiled!.outcome.fired) fired += 1;
        else notFired += 1;
      }
    }
    expect(fired).toBeGreaterThan(1000);
    expect(notFired).toBeGreaterThan(1000);
  });

  it('reproduces json-rules-engine on edge values: strings for numbers, missing facts, fact references', async () => {
    const rules = parseRulePack([
      {
        content: {
          rules: [
            { name: 'a', description: 'd', conditions: { all: [{ fact: 'attributes.n', operator: 'greaterThan', value: 1 }] }, event: { type: 'route', params: { queue: 'q' } } },
            { name: 'b', description: 'd', conditions: { any: [{ fact: 'attributes.x', operator: 'equal', value: { fact: 'attributes.y' } }] }, event: { type: 'route', params: { queue: 'q' } } },
            { name: 'c', description: 'd', conditions: { not: { fact: 'attributes.missing', operator: 'notEqual', value: null } }, event: { type: 'route', params: { queue: 'q' } } },
          ],
        },
      },
    ]);
    for (const facts of [{ 'attributes.n': '5' }, { 'attributes.n': '12abc' }, { 'attributes.n': [2] }, { 'attributes.n': true }, {}, { 'attributes.x': 1, 'attributes.y': 1 }]) {
      const compiled = await runRules(rules, facts);
      const reference = await runRulesReference(rules, facts);
      expect(compiled.map((f) => f.fired)).toEqual(reference.map((f) => f.outcome.fired));
      expect(compiled.map((f) => f.outcome)).toStrictEqual(reference.map((f) => f.outcome));
    }
  });

  it('leaves a rule it cannot compile to json-rules-engine', () => {
    const rule = { name: 'x', description: 'd', conditions: { all: [{ fact: 'turns.user', operator: 'startsWith', value: 1 }] }, event: { type: 'route', params: { queue: 'q' } } } as unknown as Rule;
    expect(compileRule(rule)).toBeUndefined();
  });
});

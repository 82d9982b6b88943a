import type { Condition, LeafCondition, Rule, RulePack } from '../schema/rule-pack';
import type { ConditionOutcome, RuleOutcome } from '../schema/trace';

/** The facts of one evaluation, looked up by name; absent names read as `undefined`. */
export type FactValues = Readonly<Record<string, unknown>>;

/** A rule compiled to plain functions, giving the same outcome and trace as json-rules-engine. */
export interface CompiledRule {
  readonly rule: Rule;
  /** Evaluates the rule's conditions; the top-level node carries no `result`, as in json-rules-engine. */
  evaluate(facts: FactValues): RuleOutcome;
  /** Whether the rule fires, without building the trace: what `evaluate(facts).fired` says. */
  fires(facts: FactValues): boolean;
}

/**
 * A pack split into the rules compiled here and those left to json-rules-engine (an operator
 * this compiler does not know). `index` is each rule's position in the pack.
 */
export interface CompiledPack {
  readonly pack: RulePack;
  readonly compiled: readonly { readonly index: number; readonly rule: CompiledRule }[];
  readonly fallback: readonly { readonly index: number; readonly rule: Rule }[];
}

interface Node {
  /** Evaluates the node and returns its trace, with `result` set. */
  run(facts: FactValues): ConditionOutcome & { result: boolean };
  /**
   * The node's result alone. Leaves are pure, so the order json-rules-engine runs siblings
   * in and the ones it skips never change an `all` (every child holds) or an `any` (one does).
   */
  test(facts: FactValues): boolean;
  /** The trace of the node when json-rules-engine never reached it. */
  skip(): ConditionOutcome;
  /** json-rules-engine's ordering priority for this node among its siblings. */
  readonly priority: number;
}

// json-rules-engine's numberValidator, verbatim: strings like '12abc' and [5] pass, booleans and null do not.
const isNumberLike = (v: unknown): boolean =>
  typeof v === 'number' ? !Number.isNaN(v) : Number.parseFloat(v as string).toString() !== 'NaN';

const hasOwn = Object.prototype.hasOwnProperty;

function read(facts: FactValues, name: string): unknown {
  return hasOwn.call(facts, name) ? facts[name] : undefined;
}

function isFactReference(value: unknown): value is { fact: string } {
  return value !== null && typeof value === 'object' && hasOwn.call(value, 'fact');
}

/** Thrown at compile time for a condition this compiler does not reproduce; the rule falls back to json-rules-engine. */
class NotCompilable extends Error {}

/**
 * Operator codes for {@link apply}. Each operator is json-rules-engine 7's own
 * (engine-default-operators.js: a fact-value validator that must pass, then the comparison)
 * with the same JavaScript expressions, so odd inputs (strings for numbers, NaN, missing
 * facts) give the same answers; `containsAny` is this library's (src/rules/operators.ts).
 * One switch instead of a call through a different closure per leaf keeps the call site fast.
 */
const CODES: Readonly<Record<string, number>> = {
  equal: 0, notEqual: 1, in: 2, notIn: 3, contains: 4, doesNotContain: 5,
  lessThan: 6, lessThanInclusive: 7, greaterThan: 8, greaterThanInclusive: 9, containsAny: 10,
};

/** `validator(a) && comparison(a, b)` for the operator with this code. */
function apply(code: number, a: unknown, b: unknown): boolean {
  switch (code) {
    case 0:
      return a === b;
    case 1:
      return a !== b;
    case 2:
      return (b as unknown[]).indexOf(a) > -1;
    case 3:
      return (b as unknown[]).indexOf(a) === -1;
    case 4:
      return Array.isArray(a) && a.indexOf(b) > -1;
    case 5:
      return Array.isArray(a) && a.indexOf(b) === -1;
    case 6:
      return isNumberLike(a) && (a as number) < (b as number);
    case 7:
      return isNumberLike(a) && (a as number) <= (b as number);
    case 8:
      return isNumberLike(a) && (a as number) > (b as number);
    case 9:
      return isNumberLike(a) && (a as number) >= (b as number);
    default:
      return Array.isArray(a) && Array.isArray(b) && b.some((v) => a.includes(v));
  }
}

function compileLeaf(leaf: LeafCondition): Node {
  const code = CODES[leaf.operator];
  if (code === undefined || !Object.prototype.hasOwnProperty.call(CODES, leaf.operator)) throw new NotCompilable(leaf.operator);
  const { fact, operator, value } = leaf;
  const reference = isFactReference(value) ? value.fact : undefined;
  return {
    priority: leaf.priority !== undefined && leaf.priority !== 0 ? leaf.priority : 1,
    run(facts) {
      const factValue = read(facts, fact);
      const result = apply(code, factValue, reference === undefined ? value : read(facts, reference));
      return { fact, operator, value, result, factValue };
    },
    test: (facts) => apply(code, read(facts, fact), reference === undefined ? value : read(facts, reference)),
    skip: () => ({ fact, operator, value, result: undefined }),
  };
}

/** json-rules-engine's prioritizeConditions: sibling indexes grouped by priority, highest first. */
function prioritySets(children: readonly Node[]): number[][] {
  const sets = new Map<number, number[]>();
  children.forEach((child, i) => {
    const set = sets.get(child.priority);
    if (set === undefined) sets.set(child.priority, [i]);
    else set.push(i);
  });
  return [...sets.keys()].sort((a, b) => b - a).map((p) => sets.get(p)!);
}

/**
 * json-rules-engine's prioritizeAndRun for `all` / `any`: no children holds; one child is
 * its own result; otherwise priority sets run in order, every condition of a set is
 * evaluated, and later sets are skipped once the outcome is settled.
 */
function runList(children: readonly Node[], sets: readonly number[][], any: boolean, facts: FactValues, out: ConditionOutcome[]): boolean {
  if (children.length === 0) return true;
  if (children.length === 1) {
    const only = children[0]!.run(facts);
    out.push(only);
    return only.result;
  }
  if (sets.length === 1) {
    // One priority (the usual case): every child is evaluated, in order, nothing skipped.
    let acc = !any;
    for (let i = 0; i < children.length; i++) {
      const o = children[i]!.run(facts);
      out.push(o);
      if (any) acc = acc || o.result === true;
      else acc = acc && o.result === true;
    }
    return acc;
  }
  const slots: (ConditionOutcome | undefined)[] = new Array<ConditionOutcome | undefined>(children.length);
  let settled = !any;
  let done = false;
  for (const set of sets) {
    if (done) break;
    let acc = !any;
    for (const i of set) {
      const o = children[i]!.run(facts);
      slots[i] = o;
      if (any) acc = acc || o.result === true;
      else acc = acc && o.result === true;
    }
    settled = acc;
    if (any ? settled : !settled) done = true;
  }
  for (let i = 0; i < children.length; i++) out.push(slots[i] ?? children[i]!.skip());
  return settled;
}

/** `runList`'s result alone: an empty list holds, as in json-rules-engine. */
function testList(children: readonly Node[], any: boolean, facts: FactValues): boolean {
  if (children.length === 0) return true;
  for (let i = 0; i < children.length; i++) {
    if (children[i]!.test(facts) === any) return any;
  }
  return !any;
}

function compileNode(condition: Condition): Node {
  if ('all' in condition || 'any' in condition) {
    const any = !('all' in condition);
    const list = 'all' in condition ? condition.all : (condition as { any: Condition[] }).any;
    const children = list.map(compileNode);
    const sets = prioritySets(children);
    const key = any ? 'any' : 'all';
    return {
      priority: condition.priority || 1,
      test: (facts) => testList(children, any, facts),
      run(facts) {
        const outcomes: ConditionOutcome[] = [];
        const result = runList(children, sets, any, facts, outcomes) === true;
        return (key === 'all' ? { all: outcomes, result } : { any: outcomes, result }) as ConditionOutcome & { result: boolean };
      },
      skip: () => (key === 'all' ? { all: children.map((c) => c.skip()), result: undefined } : { any: children.map((c) => c.skip()), result: undefined }),
    };
  }
  if ('not' in condition) {
    const child = compileNode(condition.not);
    return {
      priority: condition.priority || 1,
      test: (facts) => !child.test(facts),
      run(facts) {
        const inner = child.run(facts);
        return { not: inner, result: !inner.result };
      },
      skip: () => ({ not: child.skip(), result: undefined }),
    };
  }
  return compileLeaf(condition);
}

/** Compiles one rule, or returns undefined when it uses something only json-rules-engine runs. */
export function compileRule(rule: Rule): CompiledRule | undefined {
  let top: (facts: FactValues) => { conditions: ConditionOutcome; fired: boolean };
  let fires: (facts: FactValues) => boolean;
  try {
    const c = rule.conditions;
    if ('not' in c) {
      const child = compileNode(c.not);
      top = (facts) => {
        const inner = child.run(facts);
        return { conditions: { not: inner, result: undefined }, fired: !inner.result };
      };
      fires = (facts) => !child.test(facts);
    } else {
      const any = 'any' in c;
      const children = ('all' in c ? c.all : c.any).map(compileNode);
      const sets = prioritySets(children);
      top = (facts) => {
        const outcomes: ConditionOutcome[] = [];
        const fired = runList(children, sets, any, facts, outcomes);
        return { conditions: any ? { any: outcomes, result: undefined } : { all: outcomes, result: undefined }, fired };
      };
      fires = (facts) => testList(children, any, facts);
    }
  } catch (error) {
    if (error instanceof NotCompilable) return undefined;
    throw error;
  }
  const name = rule.name;
  const event = rule.event.type;
  return {
    rule,
    evaluate(facts) {
      const { conditions, fired } = top(facts);
      return { rule: name, event, fired, conditions };
    },
    fires,
  };
}

const cache = new WeakMap<RulePack, CompiledPack>();

/** Compiles a validated pack once (cached per pack object). */
export function compilePack(pack: RulePack): CompiledPack {
  const hit = cache.get(pack);
  if (hit !== undefined) return hit;
  const compiled: { index: number; rule: CompiledRule }[] = [];
  const fallback: { index: number; rule: Rule }[] = [];
  pack.rules.forEach((rule, index) => {
    const c = compileRule(rule);
    if (c === undefined) fallback.push({ index, rule });
    else compiled.push({ index, rule: c });
  });
  const result: CompiledPack = { pack, compiled, fallback };
  cache.set(pack, result);
  return result;
}

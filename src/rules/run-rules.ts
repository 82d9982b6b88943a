import type { Rule, RulePack } from '../schema/rule-pack';
import type { ConditionOutcome, RuleOutcome } from '../schema/trace';
import { customOperators } from './operators';
import { compilePack, type CompiledRule, type FactValues } from './compile';

/** A rule's outcome together with the validated rule itself, for the decision stage. */
export interface FiredRule {
  readonly rule: Rule;
  /** `outcome.fired`, known without building the outcome. */
  readonly fired: boolean;
  readonly outcome: RuleOutcome;
}

/**
 * A compiled rule's result: whether it fired is known at once; its trace (every condition
 * with the fact value it saw) is built on first read. Most rules do not fire on most turns,
 * and a trace nobody reads is most of the cost of running the pack. `facts` must not change
 * afterwards: the escalator hands them out only inside the result's trace.
 */
class CompiledResult implements FiredRule {
  private built: RuleOutcome | undefined;

  constructor(
    private readonly compiled: CompiledRule,
    private readonly facts: FactValues,
    readonly fired: boolean,
  ) {}

  get rule(): Rule {
    return this.compiled.rule;
  }

  get outcome(): RuleOutcome {
    return (this.built ??= this.compiled.evaluate(this.facts));
  }
}

type EngineCondition = Record<string, unknown>;

function toOutcome(condition: EngineCondition): ConditionOutcome {
  const result = typeof condition['result'] === 'boolean' ? condition['result'] : undefined;
  if (Array.isArray(condition['all'])) return { all: (condition['all'] as EngineCondition[]).map(toOutcome), result };
  if (Array.isArray(condition['any'])) return { any: (condition['any'] as EngineCondition[]).map(toOutcome), result };
  if (condition['not'] !== undefined) return { not: toOutcome(condition['not'] as EngineCondition), result };
  const leaf: ConditionOutcome = {
    fact: String(condition['fact']),
    operator: String(condition['operator']),
    value: condition['value'],
    result,
  };
  if ('factResult' in condition) leaf.factValue = condition['factResult'];
  return leaf;
}

let rulesEngine: typeof import('json-rules-engine') | undefined;

// Loaded on first use, not at import: json-rules-engine reads the DEBUG environment variable when loaded.
function engineModule(): typeof import('json-rules-engine') {
  rulesEngine ??= require('json-rules-engine') as typeof import('json-rules-engine');
  return rulesEngine;
}

/**
 * Runs the pack over the facts and returns every rule's outcome in pack order. Rules compiled
 * at load (src/rules/compile.ts) run as plain functions; any rule the compiler does not cover
 * runs on json-rules-engine, which stays the reference semantics. Facts are constants during a
 * run, so each rule's outcome does not depend on the others.
 */
export async function runRules(pack: RulePack, facts: FactValues): Promise<FiredRule[]> {
  const sync = runRulesSync(pack, facts);
  if (sync !== undefined) return sync;
  const compiled = compilePack(pack);
  const out: FiredRule[] = new Array<FiredRule>(pack.rules.length);
  for (const { index, rule } of compiled.compiled) out[index] = new CompiledResult(rule, facts, rule.fires(facts));
  if (compiled.fallback.length > 0) {
    const rest = await runRulesReference({ rules: compiled.fallback.map((f) => f.rule) }, facts);
    compiled.fallback.forEach((f, i) => {
      out[f.index] = rest[i]!;
    });
  }
  return out;
}

/** Like {@link runRules}, synchronously, when every rule of the pack is compiled; otherwise undefined. */
export function runRulesSync(pack: RulePack, facts: FactValues): FiredRule[] | undefined {
  const compiled = compilePack(pack);
  if (compiled.fallback.length > 0) return undefined;
  const rules = compiled.compiled;
  const out: FiredRule[] = new Array<FiredRule>(rules.length);
  for (let i = 0; i < rules.length; i++) {
    const { index, rule } = rules[i]!;
    out[index] = new CompiledResult(rule, facts, rule.fires(facts));
  }
  return out;
}

/**
 * Runs the pack over the facts with json-rules-engine and returns every rule's outcome in
 * pack order: the reference semantics the compiled rules are tested against. A fresh Engine
 * per run: an Engine keeps one run status, and overlapping runs on one Engine drop
 * lower-priority events.
 */
export async function runRulesReference(pack: RulePack, facts: FactValues): Promise<FiredRule[]> {
  const module = engineModule();
  const engine = new module.Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: false });
  for (const operator of customOperators(module)) engine.addOperator(operator);
  pack.rules.forEach((rule, index) => {
    engine.addRule({
      name: rule.name,
      priority: rule.priority ?? 1,
      conditions: structuredClone(rule.conditions) as never,
      event: { type: rule.event.type, params: { index } },
    });
  });
  const runtimeFacts: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(facts)) runtimeFacts[key] = facts[key];
  const { results, failureResults } = await engine.run(runtimeFacts);
  const byName = new Map<string, { fired: boolean; conditions: EngineCondition }>();
  for (const r of results) byName.set(r.name, { fired: true, conditions: r.conditions as unknown as EngineCondition });
  for (const r of failureResults) byName.set(r.name, { fired: false, conditions: r.conditions as unknown as EngineCondition });
  return pack.rules.map((rule) => {
    const found = byName.get(rule.name);
    const conditions = found === undefined ? (rule.conditions as unknown as EngineCondition) : found.conditions;
    const outcome = { rule: rule.name, event: rule.event.type, fired: found?.fired ?? false, conditions: toOutcome(conditions) };
    return { rule, fired: outcome.fired, outcome };
  });
}

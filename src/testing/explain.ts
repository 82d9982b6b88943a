import type { Decision } from '../schema/decision';
import type { EvaluationResult } from '../schema/result';
import type { Condition, Rule, RulePack } from '../schema/rule-pack';
import type { ConditionOutcome, RuleOutcome } from '../schema/trace';
import type { TurnDecision } from './replay';
import { OPERATOR_SYMBOLS } from '../docs-tables';
import { invalidArgument, isPlainObject } from '../schema/argument';

/** One leaf condition of a rule as evaluated, ready to print. */
export interface ConditionCheck {
  readonly fact: string;
  readonly operator: string;
  /** The threshold or value the rule compares with. */
  readonly value: unknown;
  /** The fact's value; undefined when the engine did not reach the condition. */
  readonly factValue: unknown;
  /** Whether the condition is as the rule needs it (inverted inside a `not`); undefined when not reached. */
  readonly holds: boolean | undefined;
  /** Inside a `not`: the rule needs the comparison to fail. */
  readonly negated: boolean;
  /** Set when a failing numeric condition was nearly met: `one short`, `within 20% of the threshold`. */
  readonly near: string | undefined;
}

/** A rule that did not fire but nearly did. */
export interface NearMiss {
  readonly rule: string;
  /** What the rule does when it fires, e.g. `escalate bot_failure (normal)`. */
  readonly effect: string;
  readonly held: number;
  readonly total: number;
  readonly conditions: readonly ConditionCheck[];
}

/** How near a numeric fact must be to its threshold, relative to the threshold, to count as close. */
export const NEAR_RATIO = 0.2;


/** Refuses a rule pack of the wrong kind with a ValidationError (a caller without types). */
function checkPack(pack: RulePack): void {
  if (!isPlainObject(pack)) invalidArgument('rule pack', 'a rule pack { rules }', pack);
  if (!Array.isArray(pack.rules)) invalidArgument('rule pack', 'an array of rules', pack.rules, 'rules');
}

/** A value as it reads in a message: numbers to 2 decimals, strings quoted, lists in brackets. */
export function show(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null && 'fact' in value) return `fact ${String((value as { fact: unknown }).fact)}`;
  return JSON.stringify(value) ?? String(value);
}

function nearness(operator: string, factValue: unknown, value: unknown): string | undefined {
  if (typeof factValue !== 'number' || typeof value !== 'number') return undefined;
  let missing: number;
  switch (operator) {
    case 'greaterThanInclusive':
      missing = value - factValue;
      break;
    case 'greaterThan':
      missing = Number.isInteger(value) && Number.isInteger(factValue) ? value + 1 - factValue : value - factValue;
      break;
    case 'lessThanInclusive':
      missing = factValue - value;
      break;
    case 'lessThan':
      missing = Number.isInteger(value) && Number.isInteger(factValue) ? factValue - value + 1 : factValue - value;
      break;
    default:
      return undefined;
  }
  if (missing <= 0) return undefined;
  if (Number.isInteger(value) && Number.isInteger(factValue) && missing === 1) return 'one short';
  if (value !== 0 && missing / Math.abs(value) <= NEAR_RATIO) return `within ${Math.round(NEAR_RATIO * 100)}% of the threshold`;
  return undefined;
}

/** The leaf conditions of an evaluated condition tree, in order. */
export function conditionChecks(outcome: ConditionOutcome, negated = false): ConditionCheck[] {
  if ('all' in outcome) return outcome.all.flatMap((c) => conditionChecks(c, negated));
  if ('any' in outcome) return outcome.any.flatMap((c) => conditionChecks(c, negated));
  if ('not' in outcome) return conditionChecks(outcome.not, !negated);
  const holds = negated && outcome.result !== undefined ? !outcome.result : outcome.result;
  return [
    {
      fact: outcome.fact,
      operator: outcome.operator,
      value: outcome.value,
      factValue: outcome.factValue,
      holds,
      negated,
      near: holds === false && !negated ? nearness(outcome.operator, outcome.factValue, outcome.value) : undefined,
    },
  ];
}

/** What a rule does when it fires, in words. */
export function effectOf(rule: Rule | undefined, outcome: RuleOutcome): string {
  const event = rule?.event;
  if (event === undefined) return outcome.event;
  switch (event.type) {
    case 'escalate':
      return `escalate ${event.params.reason} (${event.params.priority}${event.params.queue === undefined ? '' : `, queue ${event.params.queue}`})`;
    case 'route':
      return `route to queue ${event.params.queue}`;
    case 'suppress':
      return `suppress (${event.params.reason})`;
  }
}

/**
 * Escalate rules that did not fire on this evaluation but came close: every condition that
 * failed was nearly met (a numeric fact one short of, or within 20% of, its threshold), or all
 * but one condition held. Closest first: rules with no far-off condition, then by the share of
 * conditions held or nearly met; ties in pack order.
 */
export function nearMisses(result: EvaluationResult, pack: RulePack, limit = 3): NearMiss[] {
  if (!isPlainObject(result)) invalidArgument('evaluation result', 'an object { decision, trace }', result);
  if (!isPlainObject(result.trace)) invalidArgument('evaluation result', 'a trace', result.trace, 'trace');
  checkPack(pack);
  const rules = new Map(pack.rules.map((r) => [r.name, r]));
  const scored: { miss: NearMiss; score: number }[] = [];
  for (const outcome of result.trace.rules) {
    if (outcome.fired || outcome.event !== 'escalate') continue;
    const conditions = conditionChecks(outcome.conditions);
    const held = conditions.filter((c) => c.holds === true).length;
    const near = conditions.filter((c) => c.near !== undefined).length;
    const far = conditions.length - held - near;
    const close = (far === 0 && near > 0) || (far === 1 && held > 0);
    if (!close) continue;
    const total = conditions.length;
    scored.push({
      miss: { rule: outcome.rule, effect: effectOf(rules.get(outcome.rule), outcome), held, total, conditions },
      score: (held + near) / total + (far === 0 ? 1 : 0),
    });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.miss);
}

function factsIn(condition: Condition, into: Set<string>): void {
  if ('all' in condition) condition.all.forEach((c) => factsIn(c, into));
  else if ('any' in condition) condition.any.forEach((c) => factsIn(c, into));
  else if ('not' in condition) factsIn(condition.not, into);
  else {
    into.add(condition.fact);
    if (typeof condition.value === 'object' && condition.value !== null && 'fact' in condition.value) into.add(condition.value.fact);
  }
}

/** Every fact the pack's rules read, in pack order. */
export function factsReadBy(pack: RulePack): string[] {
  checkPack(pack);
  const names = new Set<string>();
  for (const rule of pack.rules) factsIn(rule.conditions, names);
  return [...names];
}

/** One line per leaf condition: ✓ held, ✗ failed, · not reached. */
export function formatConditions(conditions: readonly ConditionCheck[], indent: string): string[] {
  return conditions.map((c) => {
    const mark = c.holds === true ? '✓' : c.holds === false ? '✗' : '·';
    const is = c.holds === undefined && c.factValue === undefined ? 'was not evaluated' : `is ${show(c.factValue)}`;
    const near = c.near === undefined ? '' : ` (${c.near})`;
    return `${indent}${mark} ${c.fact} ${is}, needs ${c.negated ? 'not ' : ''}${OPERATOR_SYMBOLS[c.operator] ?? c.operator} ${show(c.value)}${near}`;
  });
}

/** The decision in one line: `handoff, priority high, queue general, risk 0.62, escalated at turn 2`. */
export function formatDecision(d: Decision): string {
  if (!d.escalate) return `${d.action} (no escalation), risk ${d.risk.toFixed(2)}`;
  return `${d.action}, priority ${d.priority}, queue ${d.queue}, reasons [${d.reasons.map((r) => r.reason).join(', ')}], risk ${d.risk.toFixed(2)}, escalated at turn ${d.triggeredAtTurn ?? '?'}`;
}

function excerpt(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function actionLabel(d: Decision): string {
  return d.escalate ? `${d.action} (${d.priority})` : d.action;
}

/** User turns at which the decision's action (or escalation) differs from the turn before. */
export function changeTurns(turns: readonly TurnDecision[]): number[] {
  const out: number[] = [];
  let before: Decision | undefined;
  for (const t of turns) {
    const d = t.decision;
    if (before !== undefined ? before.action !== d.action || before.escalate !== d.escalate : d.action !== 'continue') out.push(t.turn);
    before = d;
  }
  return out;
}

/** The decision at the end of every user turn, marking where it changed. */
export function formatTimeline(turns: readonly TurnDecision[], indent = '  '): string[] {
  const changed = new Set(changeTurns(turns));
  const width = Math.max(8, ...turns.map((t) => actionLabel(t.decision).length));
  let before: Decision | undefined;
  const lines = turns.map((t) => {
    const d = t.decision;
    let mark = '';
    if (changed.has(t.turn)) {
      const from = before === undefined ? 'continue' : actionLabel(before);
      const why = d.escalate && before?.escalate !== true ? `: ${d.reasons.map((r) => r.reason).join(', ')}` : '';
      mark = `  <- changed: ${from} -> ${actionLabel(d)}${why}`;
    }
    before = d;
    return `${indent}turn ${String(t.turn).padEnd(3)}${actionLabel(d).padEnd(width)}  risk ${d.risk.toFixed(2)}  "${excerpt(t.text)}"${mark}`;
  });
  return lines;
}

/** What to show about one turn: its decision, reasons, fired and nearly-fired rules, facts. */
export function explainTurn(turn: TurnDecision, pack: RulePack, indent = '  '): string[] {
  const { decision: d, result } = turn;
  const rules = new Map(pack.rules.map((r) => [r.name, r]));
  const lines: string[] = [];
  if (d.reasons.length > 0) {
    lines.push('Reasons:');
    for (const r of d.reasons) {
      const evidence = r.evidence.map((e) => `turn ${e.turn} "${excerpt(e.excerpt)}" (${e.signal})`).join('; ');
      lines.push(`${indent}${r.reason} (${r.rule}, ${r.priority}${r.queue === undefined ? '' : `, queue ${r.queue}`})${evidence === '' ? '' : `: ${evidence}`}`);
    }
  }
  const fired = result.trace.rules.filter((r) => r.fired);
  lines.push(fired.length === 0 ? 'Rules fired: none' : 'Rules fired:');
  for (const outcome of fired) {
    lines.push(`${indent}${outcome.rule} -> ${effectOf(rules.get(outcome.rule), outcome)}`);
    lines.push(...formatConditions(conditionChecks(outcome.conditions), indent.repeat(2)));
  }
  if (d.suppressed.length > 0) lines.push(`Suppressed by: ${d.suppressed.map((s) => `${s.rule} (${s.reason})`).join(', ')}`);
  const close = nearMisses(result, pack);
  lines.push(close.length === 0 ? 'Rules that came close: none' : 'Rules that came close:');
  for (const miss of close) {
    lines.push(`${indent}${miss.rule} -> ${miss.effect}: ${miss.held} of ${miss.total} condition${miss.total === 1 ? '' : 's'} held`);
    lines.push(...formatConditions(miss.conditions, indent.repeat(2)));
  }
  const facts = factsReadBy(pack);
  if (facts.length > 0) {
    lines.push('Facts:');
    for (const name of facts) lines.push(`${indent}${name} = ${show(result.trace.facts[name])}`);
  }
  return lines;
}

/**
 * A readable account for a failing test: the decision at the turn that matters, the rules that
 * fired and came close there, the fact values, and the timeline with where the decision changed.
 */
export function explain(turns: readonly TurnDecision[], pack: RulePack, focusTurn?: number): string[] {
  if (!Array.isArray(turns)) invalidArgument('turns', 'an array of turn decisions from replay()', turns);
  checkPack(pack);
  const last = turns[turns.length - 1];
  if (last === undefined) return ['The conversation has no user message, so there is no turn to evaluate.'];
  const focus = turns.find((t) => t.turn === focusTurn) ?? last;
  const lines = [`Decision at turn ${focus.turn}${focus === last ? ' (the last)' : ''}: ${formatDecision(focus.decision)}`];
  lines.push(...explainTurn(focus, pack));
  const changes = changeTurns(turns);
  lines.push(
    `Timeline (decision at the end of each user turn; ${
      changes.length === 0 ? 'it never changed' : `changed at turn${changes.length === 1 ? '' : 's'} ${changes.join(', ')}`
    }):`,
  );
  lines.push(...formatTimeline(turns));
  return lines;
}

import type { Expectation } from '../schema/scenario';
import type { EvaluationResult } from '../schema/result';
import { invalidArgument, isPlainObject } from '../schema/argument';
import { checkTiming } from './timing';

/**
 * Every way a result differs from what a scenario expects, as readable lines; empty when it holds.
 * `firstEscalationTurn` is the user turn at which the conversation first escalated (null: never),
 * from a replay; without it, the `turnWindow` is checked against `decision.triggeredAtTurn`.
 */
export function compareWithExpectation(result: EvaluationResult, expect: Expectation, firstEscalationTurn?: number | null): string[] {
  // Checked before the default turn is read from `result`, so the guard is in the body, not the parameter list.
  if (!isPlainObject(result)) invalidArgument('evaluation result', 'an object { decision, trace }', result);
  if (!isPlainObject(result.decision)) invalidArgument('evaluation result', 'a decision', result.decision, 'decision');
  if (!isPlainObject(expect)) invalidArgument('scenario expectation', 'an object such as { escalate, reasons }', expect);
  const d = result.decision;
  const first = firstEscalationTurn === undefined ? d.triggeredAtTurn : firstEscalationTurn;
  const problems: string[] = [];
  const check = (what: string, expected: unknown, actual: unknown): void => {
    if (expected !== undefined && expected !== actual) problems.push(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  };
  check('escalate', expect.escalate, d.escalate);
  check('action', expect.action, d.action);
  check('priority', expect.priority, d.priority);
  check('queue', expect.queue, d.queue);
  check('turn', expect.turn, d.triggeredAtTurn);
  if (expect.reasons !== undefined) {
    const want = [...new Set(expect.reasons)].sort();
    const got = [...new Set(d.reasons.map((r) => r.reason))].sort();
    if (want.join(',') !== got.join(',')) problems.push(`reasons: expected [${want.join(', ')}], got [${got.join(', ')}]`);
  }
  if (expect.turnWindow !== undefined) {
    const verdict = checkTiming(first, expect.turnWindow);
    if (!verdict.ok) problems.push(verdict.problem);
  }
  return problems;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

import type { Expectation } from '../schema/scenario';
import type { EvaluationResult } from '../schema/result';

/** Every way a result differs from what a scenario expects, as readable lines; empty when it holds. */
export function compareWithExpectation(result: EvaluationResult, expect: Expectation): string[] {
  const d = result.decision;
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
  const window = expect.turnWindow;
  if (window !== undefined) {
    const at = d.triggeredAtTurn;
    if (at === null) problems.push(`turn: expected escalation between turns ${window.earliest ?? 1} and ${window.latest ?? '∞'}, got none`);
    else if (window.earliest !== undefined && at < window.earliest) problems.push(`turn: escalated too early, at turn ${at} (earliest allowed ${window.earliest})`);
    else if (window.latest !== undefined && at > window.latest) problems.push(`turn: escalated too late, at turn ${at} (latest allowed ${window.latest})`);
  }
  return problems;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

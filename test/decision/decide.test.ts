import { decide, DEFAULT_DECISION_POLICY, type DecideInput } from '../../src/decision/decide';
import { emptyEvidence, initialFactsState } from '../../src/facts/state';
import { toFacts } from '../../src/facts/to-facts';
import { riskOf } from '../../src/decision/risk';
import type { Rule } from '../../src/schema/rule-pack';
import type { FiredRule } from '../../src/rules/run-rules';
import type { Facts } from '../../src/schema/facts';

const baseFacts = toFacts(initialFactsState(), { environment: {} });

function rule(name: string, event: Rule['event']): Rule {
  return { name, description: `${name} description`, conditions: { all: [{ fact: 'turns.user', operator: 'greaterThan', value: 0 }] }, event };
}

function fired(r: Rule, didFire = true): FiredRule {
  return {
    rule: r,
    fired: didFire,
    outcome: { rule: r.name, event: r.event.type, fired: didFire, conditions: { all: [{ fact: 'turns.user', operator: 'greaterThan', value: 0, factValue: 1, result: didFire }], result: didFire } },
  };
}

function input(over: Partial<Omit<DecideInput, 'facts'>> & { facts?: Partial<Facts> } = {}): DecideInput {
  const { facts, ...rest } = over;
  return {
    fired: [],
    facts: { ...baseFacts, ...facts },
    evidence: emptyEvidence(),
    latch: null,
    previousRisk: 0,
    turn: 1,
    environment: {},
    policy: DEFAULT_DECISION_POLICY,
    ...rest,
  };
}

const human = rule('human', { type: 'escalate', params: { reason: 'human_request', priority: 'high' } });
const fraud = rule('fraud', { type: 'escalate', params: { reason: 'fraud', priority: 'urgent', queue: 'fraud' } });
const solved = rule('solved', { type: 'suppress', params: { reason: 'customer_resolved' } });

describe('decide', () => {
  it('continues when nothing fired and risk is low', () => {
    expect(decide(input()).decision).toMatchObject({ escalate: false, action: 'continue', priority: 'low', queue: 'general' });
  });

  it('watches when risk is rising past the bound and no rule fired', () => {
    const facts = { 'frustration.score': 0.5, 'sentiment.current': -0.6 };
    const risk = riskOf({ ...baseFacts, ...facts });
    expect(risk).toBeGreaterThan(0.35);
    expect(decide(input({ facts, previousRisk: 0.1 })).decision.action).toBe('watch');
    expect(decide(input({ facts, previousRisk: 0.99 })).decision.action).toBe('continue');
  });

  it('takes the highest priority and its queue', () => {
    const d = decide(input({ fired: [fired(human), fired(fraud)] })).decision;
    expect(d).toMatchObject({ escalate: true, priority: 'urgent', queue: 'fraud', action: 'handoff', triggeredAtTurn: 1 });
    expect(d.reasons.map((r) => r.reason)).toEqual(['fraud', 'human_request']);
  });

  it('keeps the escalation latched from its first turn', () => {
    const first = decide(input({ fired: [fired(human)], turn: 2 }));
    const later = decide(input({ fired: [fired(human, false)], latch: first.latch, turn: 4 }));
    expect(later.decision).toMatchObject({ escalate: true, triggeredAtTurn: 2 });
  });

  it('lets a suppress clear the escalation and ask for a reset', () => {
    const first = decide(input({ fired: [fired(human)] }));
    const out = decide(input({ fired: [fired(solved)], latch: first.latch, turn: 2 }));
    expect(out.decision).toMatchObject({ escalate: false, suppressed: [{ rule: 'solved', reason: 'customer_resolved' }] });
    expect(out.reset).toBe(true);
  });

  it('never lets a suppress hide a request for a person in the latest message', () => {
    const out = decide(input({ fired: [fired(human), fired(solved)], facts: { 'humanRequest.latest': true } }));
    expect(out.decision.escalate).toBe(true);
    expect(out.notes.join(' ')).toMatch(/never suppressed/);
  });

  it('honours a request for a person even when no rule of the pack escalates', () => {
    const evidence = { ...emptyEvidence(), humanRequest: [{ turn: 2, messageIndex: 2, excerpt: 'agent please', signal: 'asked for a person' }] };
    const out = decide(input({ facts: { 'humanRequest.detected': true }, evidence, turn: 2 }));
    expect(out.decision).toMatchObject({ escalate: true, priority: 'high', reasons: [{ rule: 'human-request-guarantee', reason: 'human_request' }] });
  });

  it('waits the configured number of turns before the guarantee steps in', () => {
    const evidence = { ...emptyEvidence(), humanRequest: [{ turn: 2, messageIndex: 2, excerpt: 'agent please', signal: 'asked for a person' }] };
    const policy = { ...DEFAULT_DECISION_POLICY, humanRequestWithin: 2 };
    const base = { facts: { 'humanRequest.detected': true }, evidence, policy };
    expect(decide(input({ ...base, turn: 3 })).decision.escalate).toBe(false);
    expect(decide(input({ ...base, turn: 4 })).decision.escalate).toBe(true);
  });

  it('routes a conversation that no reason places in a queue', () => {
    const route = rule('billing', { type: 'route', params: { queue: 'billing' } });
    expect(decide(input({ fired: [fired(route)] })).decision.queue).toBe('billing');
    expect(decide(input({ fired: [fired(route), fired(human)] })).decision.queue).toBe('billing');
  });
});

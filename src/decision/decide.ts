import type { z } from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import type { Customer } from '../schema/conversation';
import type { Environment } from '../schema/environment';
import type { Facts } from '../schema/facts';
import { PRIORITY_ORDER, ReasonSchema, type Decision, type Priority, type Reason } from '../schema/decision';
import type { EvidenceLog } from '../facts/state';
import type { FiredRule } from '../rules/run-rules';
import { chooseAction, DEFAULT_CALLBACK_POLICY, type CallbackPolicy } from './availability';
import { evidenceFor } from './evidence';
import { customerMessage, type MessageOverrides } from './messages/render';
import { riskOf, type RiskWeights } from './risk';

/** How the escalator turns fired rules into an action and a message; set through `createEscalator`. */
export interface DecisionPolicy {
  /** Risk at or above which a rising, non-escalated conversation is marked `watch`. @default 0.35 */
  readonly watchRisk: number;
  /**
   * An explicit request for a person escalates at the latest this many user turns after it was
   * made, whatever the rules say (0: at once). @default 0
   */
  readonly humanRequestWithin: number;
  readonly callback: CallbackPolicy;
  /** Customer message sentences to use instead of the built-in ones, per language. */
  readonly messages?: MessageOverrides | undefined;
  /** Weights of the risk score. @default the hand-set weights (`createEscalator` passes the pack's fitted ones) */
  readonly riskWeights?: RiskWeights | undefined;
}

export const DEFAULT_DECISION_POLICY: DecisionPolicy = Object.freeze({
  watchRisk: 0.35,
  humanRequestWithin: 0,
  callback: DEFAULT_CALLBACK_POLICY,
});

/** The rule name given to the built-in guarantee that a request for a person is honoured. */
export const HUMAN_REQUEST_GUARANTEE = 'human-request-guarantee';

/** An escalation in force: from which user turn, and the reasons gathered since. */
export const LatchSchema = lazySchema((z) => z.strictObject({
  sinceTurn: z.number().int().min(1),
  reasons: z.array(ReasonSchema),
}));
export type Latch = z.infer<typeof LatchSchema>;

export interface DecideInput {
  readonly fired: readonly FiredRule[];
  readonly facts: Facts;
  readonly evidence: EvidenceLog;
  readonly latch: Latch | null;
  readonly previousRisk: number;
  /** Current user turn; at least 1 once escalation is possible. */
  readonly turn: number;
  readonly environment: Environment;
  readonly customer?: Customer | undefined;
  readonly channel?: string | undefined;
  readonly locale?: string | undefined;
  readonly policy: DecisionPolicy;
  /** The customer has waited for a person past the session's bound. */
  readonly waitedTooLong?: boolean | undefined;
}

export interface DecideOutput {
  readonly decision: Decision;
  readonly latch: Latch | null;
  /** True when a suppress cleared an escalation: the signals behind it must be reset. */
  readonly reset: boolean;
  readonly notes: string[];
}

const rank = (p: Priority): number => PRIORITY_ORDER.indexOf(p);

/** Reasons most pressing first; among equals, the earlier-triggered first. */
function byPriority(reasons: readonly Reason[]): Reason[] {
  return [...reasons].sort((a, b) => rank(a.priority) - rank(b.priority));
}

function mergeReasons(held: readonly Reason[], fresh: readonly Reason[]): Reason[] {
  const merged = new Map(held.map((r) => [r.rule, r]));
  for (const reason of fresh) merged.set(reason.rule, reason);
  return byPriority([...merged.values()]);
}

/** Turns the rules' outcomes on one message into a decision, keeping an escalation latched. */
export function decide(input: DecideInput): DecideOutput {
  const notes: string[] = [];
  const { facts } = input;
  const risk = riskOf(facts, input.policy.riskWeights);
  const fired = input.fired.filter((f) => f.fired);
  const suppressing = fired.filter((f) => f.rule.event.type === 'suppress');
  const routes = fired.flatMap((f) => (f.rule.event.type === 'route' ? [f.rule.event.params.queue] : []));

  const fresh: Reason[] = [];
  for (const { rule, outcome } of fired) {
    if (rule.event.type !== 'escalate') continue;
    const p = rule.event.params;
    fresh.push({
      rule: rule.name,
      reason: p.reason,
      description: rule.description,
      priority: p.priority,
      ...(p.queue === undefined ? {} : { queue: p.queue }),
      evidence: evidenceFor(outcome.conditions, input.evidence),
    });
  }

  let latch = input.latch;
  let reset = false;
  const suppressed: { rule: string; reason: string }[] = [];
  if (suppressing.length > 0 && facts['humanRequest.latest']) {
    notes.push('a suppress rule fired, but the latest message asks for a person: an explicit request is never suppressed');
  } else if (suppressing.length > 0) {
    for (const { rule } of suppressing) {
      if (rule.event.type === 'suppress') suppressed.push({ rule: rule.name, reason: rule.event.params.reason });
    }
    if (latch !== null || fresh.length > 0) {
      notes.push(`suppressed by ${suppressed.map((s) => s.rule).join(', ')}: escalation cleared, its signals reset`);
      reset = true;
    }
    latch = null;
    fresh.length = 0;
  }
  const guarantee = humanRequestGuarantee(input, latch, fresh, suppressed.length > 0);
  if (guarantee !== undefined) {
    fresh.push(guarantee);
    notes.push(`the customer asked for a person at turn ${guarantee.evidence[0]?.turn ?? input.turn} and no rule escalated: honoured by the guarantee`);
  }
  if (fresh.length > 0) {
    latch = { sinceTurn: latch?.sinceTurn ?? Math.max(1, input.turn), reasons: mergeReasons(latch?.reasons ?? [], fresh) };
    notes.push(`escalate: ${fresh.map((r) => r.rule).join(', ')} fired`);
  }

  if (latch === null) {
    const rising = risk > input.previousRisk;
    const action = risk >= input.policy.watchRisk && rising ? 'watch' : 'continue';
    if (suppressed.length === 0) {
      notes.push(
        `no escalation: no escalate rule fired; risk ${risk}${action === 'watch' ? `, rising from ${input.previousRisk}: watch` : ''}`,
      );
    }
    return {
      decision: {
        escalate: false,
        action,
        priority: 'low',
        queue: routes[0] ?? 'general',
        risk,
        reasons: [],
        customerMessage: null,
        triggeredAtTurn: null,
        suppressed,
      },
      latch: null,
      reset,
      notes,
    };
  }

  if (fresh.length === 0) notes.push(`escalation held since turn ${latch.sinceTurn}`);
  const reasons = latch.reasons;
  const top = reasons[0]!;
  const queue = reasons.find((r) => r.queue !== undefined)?.queue ?? routes[0] ?? 'general';
  const waitedTooLong = input.waitedTooLong === true;
  const availability = chooseAction({
    queue,
    priority: top.priority,
    environment: input.environment,
    // Past the wait bound a non-urgent escalation falls back as if no one were free.
    withinBusinessHours: facts['environment.withinBusinessHours'],
    noAgentFree: waitedTooLong && top.priority !== 'urgent',
    customer: input.customer,
    channel: input.channel,
    callback: input.policy.callback,
  });
  notes.push(`${availability.action}: ${availability.because}`);
  if (waitedTooLong) notes.push('the customer has waited past the bound: a fresh message' + (availability.action === 'handoff' ? '' : ' and the fallback'));
  const override = reasons.find((r) => r.priority === top.priority && messageOf(input.fired, r.rule) !== undefined);
  const message =
    (override === undefined ? undefined : messageOf(input.fired, override.rule)) ??
    customerMessage({
      availability,
      locale: input.locale,
      overrides: input.policy.messages,
      name: input.customer?.name?.split(' ')[0],
      reasons: [...new Set(reasons.map((r) => r.reason))],
      waitedTooLong,
    });
  return {
    decision: {
      escalate: true,
      action: availability.action,
      priority: top.priority,
      queue,
      risk,
      reasons,
      customerMessage: message,
      triggeredAtTurn: latch.sinceTurn,
      suppressed,
    },
    latch,
    reset,
    notes,
  };
}

/**
 * The reason that honours a pending request for a person once the configured number of user
 * turns has passed with no escalation: no rule pack can trap a customer who asked.
 */
function humanRequestGuarantee(input: DecideInput, latch: Latch | null, fresh: readonly Reason[], suppressed: boolean): Reason | undefined {
  if (latch !== null || suppressed || !input.facts['humanRequest.detected']) return undefined;
  if (fresh.some((r) => r.reason === 'human_request')) return undefined;
  const asked = input.evidence.humanRequest[0]?.turn ?? input.turn;
  if (input.turn - asked < input.policy.humanRequestWithin && fresh.length === 0) return undefined;
  const within = input.policy.humanRequestWithin;
  return {
    rule: HUMAN_REQUEST_GUARANTEE,
    reason: 'human_request',
    description: `The customer asked for a person: honoured ${within === 0 ? 'at once' : `within ${within} user turn(s)`}, whatever the rules say.`,
    priority: 'high',
    evidence: input.evidence.humanRequest,
  };
}

function messageOf(fired: readonly FiredRule[], ruleName: string): string | undefined {
  const rule = fired.find((f) => f.rule.name === ruleName)?.rule;
  return rule?.event.type === 'escalate' ? rule.event.params.message : undefined;
}

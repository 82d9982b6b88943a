import type { Message } from './schema/conversation';
import type { Environment } from './schema/environment';
import type { EvaluationResult } from './schema/result';
import type { HandoffPacket, Truncation } from './schema/packet';
import { fitSessionMessage, type Limits } from './limits';
import { asLibraryError } from './errors';
import type { RulePack } from './schema/rule-pack';
import type { AnalysisOptions } from './analysis/options';
import { analyzeMessage } from './analysis/analyze-message';
import { reduceFacts } from './facts/reduce';
import { resetSignals } from './facts/state';
import { attributeFacts, toFacts } from './facts/to-facts';
import { runRules, runRulesSync, type FiredRule } from './rules/run-rules';
import type { RuleOutcome } from './schema/trace';
import { evaluateCustomFacts, type CustomFactPlan } from './facts/custom';
import { decide, type DecisionPolicy } from './decision/decide';
import { frustrationLevel } from './facts/to-facts';
import { nextSessionState, type SessionState } from './session-state';
import { lazyFunction } from './lazy-function';

// Required when a packet is first read: most evaluations never build one.
const buildPacket = lazyFunction((): typeof import('./packet/build-packet') => require('./packet/build-packet'), 'buildPacket');

/** Settings shared by every evaluation of one escalator. */
export interface StepConfig {
  readonly pack: RulePack;
  readonly analysis: AnalysisOptions;
  readonly policy: DecisionPolicy;
  /** Seconds a customer may wait for a person before a fresh message and the fallback. */
  readonly waitingTimeoutSeconds: number;
  /** Custom facts the pack reads, evaluated on every message before the rules. */
  readonly customFacts: CustomFactPlan;
  /** Bounds on message length, message count and total characters. */
  readonly limits: Limits;
}

/**
 * One message through the whole pipeline: analyse, fold into the facts, run the rules,
 * decide, and build the packet when escalating. Returns the next state.
 *
 * The cost of a turn does not grow with the conversation: the next state shares the
 * message and analysis lists of the one given (copies of them when the limits drop the
 * oldest messages), appending this message to them in place as the very last step (after
 * everything that can throw), so a failed step leaves the state as it was. The caller
 * owns `state` and must not keep using it as a snapshot (sessions hand out copies through
 * `toJSON()`).
 */
export async function step(
  state: SessionState,
  message: Message,
  environment: Environment,
  config: StepConfig,
  options: { readonly packet: boolean; readonly truncated?: Truncation | null } = { packet: true },
): Promise<{ state: SessionState; result: EvaluationResult }> {
  try {
    return await runStep(state, message, environment, config, options);
  } catch (error) {
    // Only the library's own errors leave an evaluation; anything else is a bug, wrapped.
    throw asLibraryError(error);
  }
}

async function runStep(
  given: SessionState,
  pushed: Message,
  environment: Environment,
  config: StepConfig,
  options: { readonly packet: boolean; readonly truncated?: Truncation | null },
): Promise<{ state: SessionState; result: EvaluationResult }> {
  // Before any work, so an over-long message costs nothing: rejected here, or (overflow
  // 'truncate') cut to its head, with the oldest held messages dropped to make room.
  const fitted = fitSessionMessage(given, pushed, config.limits);
  const { state, message } = fitted;
  // evaluate and replay fit the whole conversation first and say what they left out.
  const fromEvaluate = options.truncated != null;
  const truncated = options.truncated ?? fitted.truncated;
  const index = state.dropped.messages + state.messages.length;
  // The state keeps no sentiment contributions, so none are built.
  const analysis = analyzeMessage(message, config.analysis, false);
  let facts = reduceFacts(state.facts, message, analysis, index, state.messages[state.messages.length - 1]);
  const context = { customer: state.info.customer, channel: state.info.channel, attributes: state.info.attributes, environment };
  const factValues = toFacts(facts, context);
  // Most conversations carry no attributes and most packs read no custom fact: then the rules
  // see the facts themselves (nothing changes them after this point), with no copy.
  const custom = config.customFacts.entries.length > 0;
  const allFacts: Record<string, unknown> =
    state.info.attributes === undefined
      ? custom
        ? { ...factValues }
        : factValues
      : { ...attributeFacts(state.info.attributes), ...factValues };
  if (custom) {
    await evaluateCustomFacts(
      config.customFacts,
      { conversationId: state.info.conversationId, ...context, locale: state.info.locale, message, messageIndex: index, turn: facts.userTurns, facts: factValues },
      allFacts,
    );
  }
  const fired = runRulesSync(config.pack, allFacts) ?? (await runRules(config.pack, allFacts));
  const now = environment.now ?? message.timestamp;
  const waitedTooLong =
    state.status === 'waiting' &&
    state.waitingSince !== null &&
    now !== undefined &&
    (Date.parse(now) - Date.parse(state.waitingSince)) / 1000 > config.waitingTimeoutSeconds;
  const outcome = decide({
    fired,
    facts: factValues,
    evidence: facts.evidence,
    latch: state.latch,
    previousRisk: state.risk,
    turn: facts.userTurns,
    environment,
    customer: state.info.customer,
    channel: state.info.channel,
    locale: state.info.locale,
    policy: config.policy,
    waitedTooLong,
  });
  if (outcome.reset) facts = resetSignals(facts);
  const stored = analysis;
  const result: EvaluationResult = {
    decision: outcome.decision,
    trace: lazyTrace(facts.userTurns, index, allFacts, fired, truncated ? [...outcome.notes, truncationNote(truncated, fromEvaluate)] : outcome.notes),
  };
  if (options.packet && outcome.decision.escalate) {
    // Built on first read of `result.packet`, not here: the packet (entities with compromise,
    // redaction of the whole transcript) costs far more than the decision, and a latched
    // escalation gives one on every later turn. A list is only ever appended to (dropping
    // copies it), so the first `count` entries read later are exactly what is held now.
    const messages = state.messages;
    const analyses = state.analyses;
    const count = state.messages.length + 1;
    const offset = { messages: state.dropped.messages, userTurns: state.dropped.userTurns };
    const input = {
      conversationId: state.info.conversationId,
      channel: state.info.channel,
      locale: state.info.locale,
      customer: state.info.customer,
      decision: outcome.decision,
      frustration: { score: factValues['frustration.score'], level: frustrationLevel(facts.frustration) },
      sentimentTrend: factValues['sentiment.trend'],
      now: environment.now,
      truncated,
      offset,
    };
    let packet: HandoffPacket | undefined;
    Object.defineProperty(result, 'packet', {
      enumerable: true,
      configurable: true,
      get: () => (packet ??= buildPacket({ ...input, messages: messages.slice(0, count), analyses: analyses.slice(0, count) })),
      set: (value: HandoffPacket) => {
        packet = value;
      },
    });
  }
  state.messages.push(message);
  state.analyses.push(stored);
  const next = nextSessionState(state, { facts, latch: outcome.latch, risk: outcome.decision.risk, ...nextStatus(state, message, outcome.decision.escalate, now) });
  return { state: next, result };
}

/** Where a trace keeps its rule results and, once read, their outcomes: a hidden, non-enumerable key. */
const RULES_SOURCE = Symbol('trace rules');

interface RulesSource {
  readonly fired: readonly FiredRule[];
  rules: RuleOutcome[] | undefined;
}

type TraceWithSource = EvaluationResult['trace'] & { readonly [RULES_SOURCE]: RulesSource };

/*
 * One accessor pair for every trace. Getters written in an object literal are new functions
 * each turn, and V8 keeps accessors in the object's hidden class: every trace got classes of
 * its own, which cost more than the rest of the trace.
 */
const RULES_PROPERTY: PropertyDescriptor & ThisType<TraceWithSource> = {
  enumerable: true,
  configurable: true,
  get(): RuleOutcome[] {
    const source = this[RULES_SOURCE];
    return (source.rules ??= source.fired.map((f) => f.outcome));
  },
  set(value: RuleOutcome[]) {
    this[RULES_SOURCE].rules = value;
  },
};

// Reused for each trace's hidden key, so defining it allocates only the source itself.
const SOURCE_PROPERTY: { value: RulesSource | undefined } = { value: undefined };

/**
 * The trace, with `rules` (every condition of every rule, with the values it saw) built on
 * first read: a bot reads its decision on every turn and the full trace rarely. The keys
 * keep their documented order (`rules` is defined between `facts` and `notes`); assigning
 * `rules` replaces it.
 */
function lazyTrace(turn: number, messageIndex: number, facts: Record<string, unknown>, fired: readonly FiredRule[], notes: string[]): EvaluationResult['trace'] {
  const trace = { turn, messageIndex, facts } as Partial<EvaluationResult['trace']>;
  Object.defineProperty(trace, 'rules', RULES_PROPERTY);
  trace.notes = notes;
  SOURCE_PROPERTY.value = { fired, rules: undefined };
  Object.defineProperty(trace, RULES_SOURCE, SOURCE_PROPERTY);
  SOURCE_PROPERTY.value = undefined;
  return trace as EvaluationResult['trace'];
}

/** Who has the conversation after this message; an agent keeps it until it hands back. */
function nextStatus(
  state: SessionState,
  message: Message,
  escalate: boolean,
  now: string | undefined,
): Pick<SessionState, 'status' | 'waitingSince'> {
  if (message.role === 'agent' || state.status === 'agent') return { status: 'agent', waitingSince: null };
  if (!escalate) return { status: 'bot', waitingSince: null };
  return { status: 'waiting', waitingSince: state.waitingSince ?? now ?? null };
}

function truncationNote(t: Truncation, fromEvaluate: boolean): string {
  const parts: string[] = [];
  if (t.droppedMessages > 0) parts.push(`left out the ${t.droppedMessages} oldest message${t.droppedMessages === 1 ? '' : 's'}`);
  if (t.cutMessages > 0) parts.push(`cut ${t.cutMessages} long message${t.cutMessages === 1 ? '' : 's'} to their first characters`);
  if (fromEvaluate || t.droppedMessages === 0) {
    return `Limits (overflow 'truncate'): ${parts.join(' and ')}; ${t.droppedChars} characters were not evaluated, and message indexes count from the first message kept.`;
  }
  // A session read the dropped messages before letting them go: only the transcript lost them.
  return `Limits (overflow 'truncate'): the session ${parts.join(' and ')} (${t.droppedChars} characters) of its transcript; its facts still count every message it was given, and message indexes and turns count from the conversation's first message.`;
}

import type { z } from 'zod';
import { lazySchema } from './schema/lazy-schema';
import { ConversationSchema, MessageSchema, type ConversationInput, type Message } from './schema/conversation';
import { EnvironmentSchema, type Environment, type EnvironmentInput } from './schema/environment';
import type { EvaluationResult } from './schema/result';
import type { RulePack } from './schema/rule-pack';
import { parseOrThrow } from './schema/parse';
import { emptyEnvironment, isEmptyOptions, simpleConversation, simpleMessage, simpleSessionInfo } from './schema/simple-input';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './analysis/options';
import { defaultRiskWeights, defaultRulePack } from './rules/default-pack';
import { RiskWeightsSchema, type RiskWeightsInput } from './decision/risk';
import { isParsedRulePack, parseRulePack } from './rules/parse-pack';
import { RulePackError, SessionError, ValidationError, asLibraryError, isWarmHandoffError, type WarmHandoffError } from './errors';
import { compilePack } from './rules/compile';
import { checkCustomFactNames, customFactUses, type CustomFact, type CustomFactPlan } from './facts/custom';
import { toErrorIssues } from './schema/validate';
import {
  SessionInfoSchema,
  SessionStateSchema,
  initialSessionState,
  type SessionInfoInput,
  type SessionState,
  type SessionStatus,
} from './session-state';
import type { StepConfig } from './step';
import { LimitsOptionsSchema, fitConversation, resolveLimits, type Limits } from './limits';
import { resetSignals } from './facts/state';
import { DEFAULT_DECISION_POLICY } from './decision/decide';
import { DEFAULT_CALLBACK_POLICY, type CallbackPolicy } from './decision/availability';
import { LANGUAGES } from './decision/messages/templates';
import type { MessageOverrides } from './decision/messages/render';

/*
 * The turn pipeline (the analysis, the facts, the packet) is most of the package's code and
 * is required on the first evaluation: a file that only imports the library, or validates a
 * rule pack, does not compile it. Called on every message, so with its parameters named rather than
 * through lazyFunction's argument list.
 */
let turnPipeline: typeof import('./step') | undefined;
const step: typeof import('./step').step = (state, message, environment, config, options) =>
  (turnPipeline ??= require('./step') as typeof import('./step')).step(state, message, environment, config, options);

export interface EscalatorOptions {
  /** The rule pack: from `loadRulePack(dir)`, or a pack object `{ rules: [...] }`. @default the bundled default pack */
  readonly rules?: RulePack | { readonly rules: readonly unknown[] };
  /** Per-message analysis knobs. */
  readonly analysis?: Partial<AnalysisOptions>;
  /** Risk at or above which a rising conversation that no rule escalates is marked `watch`. @default 0.35 */
  readonly watchRisk?: number;
  /**
   * Facts your code computes, by name, for rules to read (e.g. `crm.openTickets`). Each is
   * called once per evaluated message when a rule of the pack names it, and may be async.
   * A pack given as a folder must be loaded with the same names: `loadRulePack(dir, { facts: [...] })`.
   * @default {}
   */
  readonly facts?: Readonly<Record<string, CustomFact>>;
  /** An explicit request for a person escalates at the latest this many user turns later, whatever the rules say. @default 0 (at once) */
  readonly humanRequestWithin?: number;
  /** How callbacks are offered when no one is free to chat. */
  readonly callback?: Partial<CallbackPolicy>;
  /** Customer message sentences per language (`en`, `es`, `fr`, `de`) to use instead of the built-in ones. */
  readonly messages?: MessageOverrides;
  /** Seconds a customer waits for a person before a fresh message and, for non-urgent reasons, the callback or ticket fallback. @default 300 */
  readonly waitingTimeoutSeconds?: number;
  /**
   * Bounds on message length, message count and total characters, and what to do over them.
   * @default { maxMessageChars: 20_000, maxMessages: 2_000, maxTotalChars: 500_000, overflow: 'reject' }
   */
  readonly limits?: Partial<Limits>;
  /**
   * Weights of the risk score (from `warm-handoff fit-risk` or `fitRiskWeights`).
   * @default the pack's `risk-weights.json`, else the weights shipped with the package
   */
  readonly riskWeights?: RiskWeightsInput;
}

const TemplatesSchema = lazySchema((z) => z.record(z.string().regex(/^(?:[a-zA-Z]+|reason\.[a-z0-9_]+)$/), z.string()));

const HandbackOptionsSchema = lazySchema((z) => z.strictObject({ resolved: z.boolean() }));

const OptionsSchema = lazySchema((z) => z.strictObject({
  rules: z.object({ rules: z.array(z.unknown()) }).optional(),
  analysis: z.strictObject({ lowConfidence: z.number().min(0).max(1).optional() }).optional(),
  watchRisk: z.number().min(0).max(1).optional(),
  facts: z.record(z.string(), z.custom<CustomFact>((v) => typeof v === 'function', 'expected a function')).optional(),
  humanRequestWithin: z.number().int().min(0).optional(),
  callback: z.strictObject({ numberKnownOn: z.array(z.string()).optional(), askForNumber: z.boolean().optional() }).optional(),
  messages: z.partialRecord(z.enum(LANGUAGES), TemplatesSchema).optional(),
  waitingTimeoutSeconds: z.number().min(0).optional(),
  limits: LimitsOptionsSchema.optional(),
  riskWeights: RiskWeightsSchema.optional(),
}));

/** One message's outcome in a replay, with the user turn it belongs to. */
export interface TurnResult {
  readonly messageIndex: number;
  readonly turn: number;
  readonly result: EvaluationResult;
}

/** A conversation evaluated turn by turn, keeping state between calls as plain JSON. */
export interface Session {
  readonly conversationId: string;
  /** Adds one message and returns the decision after it. Calls are handled one at a time, in call order. */
  push(message: Message | z.input<typeof MessageSchema>, environment?: EnvironmentInput): Promise<EvaluationResult>;
  /** The latest evaluation, or null before the first message. */
  readonly latest: EvaluationResult | null;
  /** Who has the conversation: `bot`, `waiting` (for a person), `agent` or `closed`. */
  readonly status: SessionStatus;
  /**
   * An agent gives the conversation back to the bot: the escalation is cleared and the signals
   * behind it reset, so the next escalation needs new evidence. Refused (the agent keeps it)
   * while the environment still reports a bot failure, so a broken bot never ping-pongs.
   */
  handback(options: { resolved: boolean }, environment?: EnvironmentInput): Promise<{ handedBack: boolean; status: SessionStatus; reason?: string }>;
  /** Ends the conversation; later pushes are refused with a {@link SessionError}. */
  close(): void;
  /** The session's whole state as plain JSON. */
  toJSON(): SessionState;
}

export type SafeResult<T> = { success: true; data: T } | { success: false; error: WarmHandoffError };

export interface Escalator {
  /** The validated, frozen rule pack this escalator runs. */
  readonly rulePack: RulePack;
  /** Evaluates a whole conversation; throws {@link ValidationError} on bad input. */
  evaluate(conversation: ConversationInput, environment?: EnvironmentInput): Promise<EvaluationResult>;
  /** Like `evaluate`, but returns `{ success: false, error }` instead of throwing the library's errors. */
  safeEvaluate(conversation: unknown, environment?: unknown): Promise<SafeResult<EvaluationResult>>;
  /** The result after every message of the conversation, in order. */
  replay(conversation: ConversationInput, environment?: EnvironmentInput): Promise<TurnResult[]>;
  /** Starts a turn-by-turn session. */
  session(info: SessionInfoInput): Session;
  /** Continues a session from `session.toJSON()`. */
  resume(state: unknown): Session;
}

/** Creates an escalator with the default rule pack, or the one given. */
export function createEscalator(options: EscalatorOptions = {}): Escalator {
  const parsedOptions: z.infer<typeof OptionsSchema> = isEmptyOptions(options) ? {} : parseOrThrow(OptionsSchema, options, 'escalator options');
  const custom = options.facts ?? {};
  const customNames = Object.keys(custom);
  const nameIssues = checkCustomFactNames(customNames);
  if (nameIssues.length > 0) {
    throw new ValidationError(`Invalid escalator options: ${nameIssues.length} problem${nameIssues.length === 1 ? '' : 's'}`, nameIssues);
  }
  const pack =
    options.rules === undefined
      ? defaultRulePack()
      : isParsedRulePack(options.rules)
        ? options.rules
        : parseRulePack([{ content: options.rules }], { facts: customNames });
  const customFacts = planCustomFacts(pack, custom);
  compilePack(pack); // once, at load: every evaluation then runs plain functions
  const config: StepConfig = {
    pack,
    analysis: { ...DEFAULT_ANALYSIS_OPTIONS, ...definedOnly(options.analysis ?? {}) },
    policy: {
      watchRisk: options.watchRisk ?? DEFAULT_DECISION_POLICY.watchRisk,
      humanRequestWithin: options.humanRequestWithin ?? DEFAULT_DECISION_POLICY.humanRequestWithin,
      callback: { ...DEFAULT_CALLBACK_POLICY, ...definedOnly(options.callback ?? {}) },
      messages: options.messages,
      riskWeights: parsedOptions.riskWeights ?? pack.riskWeights ?? defaultRiskWeights(),
    },
    waitingTimeoutSeconds: options.waitingTimeoutSeconds ?? 300,
    customFacts,
    limits: resolveLimits(options.limits),
  };

  async function run(conversation: unknown, environment: unknown, keepAll: boolean): Promise<TurnResult[]> {
    try {
      return await runAll(conversation, environment, keepAll);
    } catch (error) {
      // Only the library's own errors leave evaluate and replay; anything else is a bug, wrapped.
      throw asLibraryError(error);
    }
  }

  async function runAll(conversation: unknown, environment: unknown, keepAll: boolean): Promise<TurnResult[]> {
    // The common shapes are read without zod (schema/simple-input.ts); the rest, and every error, by the schemas.
    const conv = simpleConversation(conversation) ?? parseOrThrow(ConversationSchema, conversation, 'conversation');
    const env = environment === undefined || environment === null ? {} : (emptyEnvironment(environment) ?? parseOrThrow(EnvironmentSchema, environment, 'environment'));
    // Over the limits: rejected here, or (overflow 'truncate') only the newest messages are read.
    const { messages, truncated } = fitConversation(conv.messages, config.limits);
    let state = initialSessionState(infoOf(conv));
    const out: TurnResult[] = [];
    const last = messages.length - 1;
    for (let i = 0; i <= last; i++) {
      const stepped = await step(state, messages[i]!, env, config, { packet: keepAll || i === last, truncated });
      state = stepped.state;
      if (keepAll || i === last) out.push({ messageIndex: i, turn: stepped.state.facts.userTurns, result: stepped.result });
    }
    return out;
  }

  const escalator: Escalator = {
    rulePack: pack,
    async evaluate(conversation, environment) {
      const results = await run(conversation, environment, false);
      return results[results.length - 1]!.result;
    },
    async safeEvaluate(conversation, environment) {
      try {
        return { success: true, data: await escalator.evaluate(conversation as ConversationInput, environment as EnvironmentInput) };
      } catch (error) {
        if (isWarmHandoffError(error)) return { success: false, error };
        throw error;
      }
    },
    replay(conversation, environment) {
      return run(conversation, environment, true);
    },
    session(info) {
      return openSession(initialSessionState(simpleSessionInfo(info) ?? parseOrThrow(SessionInfoSchema, info, 'session info')), config);
    },
    resume(saved) {
      const parsed = SessionStateSchema.safeParse(saved);
      if (!parsed.success) {
        throw new SessionError('Cannot resume session: the saved state is not valid', toErrorIssues(parsed.error.issues, saved));
      }
      return openSession(parsed.data, config);
    },
  };
  return Object.freeze(escalator);
}

/** The custom facts the pack reads, each with its function; a fact the pack reads but nobody provides is refused. */
function planCustomFacts(pack: RulePack, custom: Readonly<Record<string, CustomFact>>): CustomFactPlan {
  const entries: { name: string; fn: CustomFact; rules: string[] }[] = [];
  const issues: { code: string; path: string; message: string }[] = [];
  for (const [name, rules] of customFactUses(pack)) {
    const fn = Object.prototype.hasOwnProperty.call(custom, name) ? custom[name] : undefined;
    if (fn === undefined) {
      for (const rule of rules) {
        issues.push({
          code: 'unknown_fact',
          path: `${rule}: conditions`,
          message: `reads fact '${name}', which is neither built in nor given in createEscalator({ facts })`,
        });
      }
    } else {
      entries.push({ name, fn, rules });
    }
  }
  if (issues.length > 0) throw new RulePackError(`Invalid rule pack: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  return { entries };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function infoOf(conv: z.infer<typeof ConversationSchema>): SessionState['info'] {
  return definedOnly({
    conversationId: conv.id,
    channel: conv.channel,
    locale: conv.locale,
    customer: conv.customer,
    attributes: conv.attributes,
  }) as SessionState['info'];
}

function openSession(initial: SessionState, config: StepConfig): Session {
  let state = initial;
  let latest: EvaluationResult | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  return {
    conversationId: initial.info.conversationId,
    get latest() {
      return latest;
    },
    push(message, environment) {
      // Validated before queueing, so a bad message fails at once and changes nothing.
      let msg: Message;
      let env: Environment;
      try {
        msg = simpleMessage(message) ?? parseOrThrow(MessageSchema, message, 'message');
        // Most pushes pass no environment; {} is what parsing nothing would give.
        env = environment === undefined || environment === null ? {} : (emptyEnvironment(environment) ?? parseOrThrow(EnvironmentSchema, environment, 'environment'));
      } catch (error) {
        return Promise.reject(asLibraryError(error));
      }
      const run = queue.then(async () => {
        if (state.status === 'closed') throw new SessionError('Cannot add a message: the session is closed');
        const previous = state.messages[state.messages.length - 1];
        if (previous?.timestamp !== undefined && msg.timestamp !== undefined && Date.parse(msg.timestamp) < Date.parse(previous.timestamp)) {
          throw new ValidationError('Invalid message: 1 problem', [
            { code: 'custom', path: 'timestamp', message: 'expected a time at or after the previous message, found an earlier one' },
          ]);
        }
        const stepped = await step(state, msg, env, config);
        state = stepped.state;
        latest = stepped.result;
        return stepped.result;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    get status() {
      return state.status;
    },
    handback(options, environment) {
      let env: Environment;
      try {
        parseOrThrow(HandbackOptionsSchema, options, 'handback options');
        env = parseOrThrow(EnvironmentSchema, environment ?? {}, 'environment');
      } catch (error) {
        return Promise.reject(asLibraryError(error));
      }
      const run = queue.then(() => {
        if (state.status === 'closed') throw new SessionError('Cannot hand back: the session is closed');
        if (env.botError !== undefined && env.botError !== false) {
          return { handedBack: false, status: state.status, reason: 'the bot still reports a technical failure' };
        }
        state = {
          ...state,
          facts: resetSignals(state.facts),
          latch: null,
          status: 'bot',
          waitingSince: null,
          handback: { resolved: options.resolved, atMessage: state.dropped.messages + state.messages.length },
        };
        return { handedBack: true, status: state.status };
      });
      queue = run.catch(() => undefined);
      return run;
    },
    close() {
      state = { ...state, status: 'closed', waitingSince: null };
    },
    toJSON() {
      return structuredClone(state);
    },
  };
}

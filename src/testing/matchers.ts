import type { Escalator } from '../escalator';
import { ActionSchema, PrioritySchema, type Action, type Decision, type Priority } from '../schema/decision';
import type { EnvironmentInput } from '../schema/environment';
import { ValidationError } from '../errors';
import { invalidArgument } from '../schema/argument';
import { isConversationBuilder, type ConversationLike } from './builder';
import { defaultEscalator, firstEscalationTurn, replay, type TurnDecision } from './replay';
import { checkTiming, describeWindow } from './timing';
import { explain, formatDecision } from './explain';

/** Where a matcher evaluates the conversation. */
export interface MatcherOptions {
  /** Overrides the environment held by the builder (`.env(...)`). */
  readonly environment?: EnvironmentInput | undefined;
  /** The escalator to run, e.g. with your own rule pack. @default createEscalator() */
  readonly escalator?: Escalator | undefined;
}

/** The actions that hand the customer to a person. */
export type EscalationAction = Exclude<Action, 'continue' | 'watch'>;

/** What `toEscalateWith` checks; every field given must match. */
export interface EscalationExpectation {
  /** One of the decision's reasons, e.g. `human_request`. */
  readonly reason?: string | undefined;
  readonly priority?: Priority | undefined;
  readonly queue?: string | undefined;
  readonly action?: EscalationAction | undefined;
}

/** The matchers, as the `expect` types know them. `R` is what jest's `Matchers<R>` passes. */
export interface WarmHandoffMatchers<R = unknown> {
  /** The conversation escalates after its last message. Await it: `await expect(conv).toEscalate()`. */
  toEscalate(options?: MatcherOptions): Promise<R>;
  /** The conversation escalates with these fields, e.g. `{ reason: 'fraud', priority: 'urgent' }`. */
  toEscalateWith(expected: EscalationExpectation, options?: MatcherOptions): Promise<R>;
  /** The conversation first escalates at this user turn (from 1). */
  toEscalateAtTurn(turn: number, options?: MatcherOptions): Promise<R>;
  /** The conversation first escalates no earlier than `earliest` and no later than `latest` (user turns, inclusive). */
  toEscalateBetweenTurns(earliest: number, latest: number, options?: MatcherOptions): Promise<R>;
}

/** The part of jest's matcher context the matchers read. */
export interface MatcherContextLike {
  readonly isNot?: boolean | undefined;
  readonly promise?: string | undefined;
}

export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

type Evaluated = { turns: TurnDecision[]; final: Decision; pack: Escalator['rulePack'] };

/** `context` is jest's matcher context; undefined when a matcher is called as a plain function. */
function hint(context: MatcherContextLike | undefined, name: string, args: string): string {
  const promise = context?.promise === undefined || context.promise === '' ? '' : `.${context.promise}`;
  return `expect(conversation)${promise}${context?.isNot === true ? '.not' : ''}.${name}(${args})`;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function expectationText(expected: EscalationExpectation): string {
  const fields = (['reason', 'priority', 'queue', 'action'] as const).filter((k) => expected[k] !== undefined);
  return fields.map((k) => `${k} ${literal(expected[k])}`).join(', ');
}

function expectationArgs(expected: unknown): string {
  if (expected === null || typeof expected !== 'object') return literal(expected);
  const entries = Object.entries(expected).filter(([, v]) => v !== undefined);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${k}: ${literal(v)}`).join(', ')} }`;
}

function checkOptions(head: string, options: unknown): MatcherOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValidationError(`${head}\n\nThe options must be an object { environment?, escalator? }, got ${literal(options)}.`, []);
  }
  const escalator: unknown = (options as MatcherOptions).escalator;
  if (escalator !== undefined && (typeof escalator !== 'object' || escalator === null || typeof (escalator as { replay?: unknown }).replay !== 'function')) {
    throw new ValidationError(`${head}\n\nThe escalator option must be an escalator from createEscalator(), got ${literal(escalator)}.`, []);
  }
  return options as MatcherOptions;
}

function checkTurn(head: string, what: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new ValidationError(`${head}\n\n${what} must be a user turn: a whole number from 1, got ${literal(value)}.`, []);
  }
  return value;
}

async function evaluate(head: string, received: unknown, options: MatcherOptions): Promise<Evaluated> {
  if (!isConversationBuilder(received) && (typeof received !== 'object' || received === null || !('messages' in received))) {
    invalidArgument(head, 'a conversation: a builder from conversation() or { id, messages }', received, 'received');
  }
  const escalator = options.escalator ?? defaultEscalator();
  let turns: TurnDecision[];
  try {
    turns = await replay(received as ConversationLike, { escalator, environment: options.environment });
  } catch (error) {
    // Headed by the matcher call, so the failure says which expectation it came from.
    if (error instanceof ValidationError) throw new ValidationError(`${head}\n\n${error.message}`, []);
    throw error;
  }
  const last = turns[turns.length - 1];
  if (last === undefined) throw new ValidationError(`${head}\n\nThe conversation has no user message, so there is nothing to evaluate.`, []);
  return { turns, final: last.decision, pack: escalator.rulePack };
}

function message(head: string, expected: string, received: string, details: readonly string[]): () => string {
  return () => [head, '', `Expected: ${expected}`, `Received: ${received}`, '', ...details].join('\n');
}

function userTurnsText(turns: readonly TurnDecision[]): string {
  return `${turns.length} user turn${turns.length === 1 ? '' : 's'}`;
}

/** `await expect(conversation).toEscalate()`: the decision after the last message escalates. */
export async function toEscalate(this: MatcherContextLike, received: unknown, options?: MatcherOptions): Promise<MatcherResult> {
  const head = hint(this, 'toEscalate', '');
  const { turns, final, pack } = await evaluate(head, received, checkOptions(head, options));
  const pass = final.escalate;
  if (pass) {
    return {
      pass,
      message: message(head, 'the conversation does not escalate', formatDecision(final), explain(turns, pack, final.triggeredAtTurn ?? undefined)),
    };
  }
  return { pass, message: message(head, 'the conversation escalates', formatDecision(final), explain(turns, pack)) };
}

/** `await expect(conversation).toEscalateWith({ reason, priority, queue, action })`. */
export async function toEscalateWith(
  this: MatcherContextLike,
  received: unknown,
  expected: EscalationExpectation,
  options?: MatcherOptions,
): Promise<MatcherResult> {
  const head = hint(this, 'toEscalateWith', expectationArgs(expected));
  if (expected === null || typeof expected !== 'object' || Array.isArray(expected)) {
    throw new ValidationError(`${head}\n\nThe expectation must be an object { reason?, priority?, queue?, action? }, got ${literal(expected)}.`, []);
  }
  const unknownKeys = Object.keys(expected).filter((k) => !['reason', 'priority', 'queue', 'action'].includes(k));
  if (unknownKeys.length > 0) {
    throw new ValidationError(`${head}\n\nUnknown field${unknownKeys.length === 1 ? '' : 's'} ${unknownKeys.join(', ')}: expected reason, priority, queue or action.`, []);
  }
  // A misspelt value would only ever fail to match (and always pass under .not): refused instead.
  for (const [key, allowed] of [['priority', PrioritySchema.options], ['action', ActionSchema.options]] as const) {
    const value: unknown = expected[key];
    if (value !== undefined && !(allowed as readonly unknown[]).includes(value)) {
      throw new ValidationError(`${head}\n\nThe ${key} must be one of ${allowed.map(literal).join(', ')}, got ${literal(value)}.`, []);
    }
  }
  for (const key of ['reason', 'queue'] as const) {
    const value: unknown = expected[key];
    if (value !== undefined && typeof value !== 'string') {
      throw new ValidationError(`${head}\n\nThe ${key} must be a string, got ${literal(value)}.`, []);
    }
  }
  const { turns, final, pack } = await evaluate(head, received, checkOptions(head, options));
  const differences: string[] = [];
  if (!final.escalate) differences.push('escalate: expected true, got false');
  const reasons = final.reasons.map((r) => r.reason);
  if (expected.reason !== undefined && !reasons.includes(expected.reason)) {
    differences.push(`reason: expected ${literal(expected.reason)} among the reasons, got [${reasons.join(', ')}]`);
  }
  for (const key of ['priority', 'queue', 'action'] as const) {
    const want = expected[key];
    if (want !== undefined && want !== final[key]) differences.push(`${key}: expected ${literal(want)}, got ${literal(final[key])}`);
  }
  const pass = differences.length === 0;
  const wanted = expectationText(expected);
  if (pass) {
    return {
      pass,
      message: message(
        head,
        `no escalation${wanted === '' ? '' : ` with ${wanted}`}`,
        formatDecision(final),
        explain(turns, pack, final.triggeredAtTurn ?? undefined),
      ),
    };
  }
  return {
    pass,
    message: message(head, `an escalation${wanted === '' ? '' : ` with ${wanted}`}`, formatDecision(final), [
      'Differences:',
      ...differences.map((d) => `  ${d}`),
      '',
      ...explain(turns, pack),
    ]),
  };
}

async function timing(
  head: string,
  received: unknown,
  window: { readonly earliest: number; readonly latest: number },
  options: unknown,
): Promise<MatcherResult> {
  const { turns, pack } = await evaluate(head, received, checkOptions(head, options));
  const first = firstEscalationTurn(turns);
  const verdict = checkTiming(first, window);
  const expected = `first escalation ${describeWindow(window)}`;
  if (verdict.ok) {
    return {
      pass: true,
      message: message(head, `no first escalation ${describeWindow(window)}`, `escalated first at turn ${verdict.turn}`, explain(turns, pack, verdict.turn)),
    };
  }
  const lastTurn = turns[turns.length - 1]?.turn ?? 0;
  let got: string;
  let focus: number;
  switch (verdict.kind) {
    case 'too-early':
      got = `escalated too early, at turn ${verdict.turn} (the earliest allowed is turn ${window.earliest}): a premature handoff`;
      focus = verdict.turn ?? lastTurn;
      break;
    case 'too-late':
      got = `escalated too late, at turn ${verdict.turn} (the latest allowed is turn ${window.latest}): the customer waited too long`;
      focus = window.latest;
      break;
    case 'never':
      got = `no escalation in ${userTurnsText(turns)}${
        lastTurn < window.earliest ? ` (the conversation ends before turn ${window.earliest})` : ''
      }`;
      focus = Math.min(window.latest, lastTurn);
      break;
  }
  return { pass: false, message: message(head, expected, got, explain(turns, pack, focus)) };
}

/** `await expect(conversation).toEscalateAtTurn(3)`: escalation first triggers at user turn 3. */
export async function toEscalateAtTurn(this: MatcherContextLike, received: unknown, turn: number, options?: MatcherOptions): Promise<MatcherResult> {
  const head = hint(this, 'toEscalateAtTurn', literal(turn));
  const at = checkTurn(head, 'The turn', turn);
  return timing(head, received, { earliest: at, latest: at }, options);
}

/** `await expect(conversation).toEscalateBetweenTurns(3, 4)`: escalation first triggers at turn 3 or 4, not before, not after. */
export async function toEscalateBetweenTurns(
  this: MatcherContextLike,
  received: unknown,
  earliest: number,
  latest: number,
  options?: MatcherOptions,
): Promise<MatcherResult> {
  const head = hint(this, 'toEscalateBetweenTurns', `${literal(earliest)}, ${literal(latest)}`);
  const from = checkTurn(head, 'The earliest turn', earliest);
  const to = checkTurn(head, 'The latest turn', latest);
  if (from > to) throw new ValidationError(`${head}\n\nThe earliest turn (${from}) must not come after the latest (${to}).`, []);
  return timing(head, received, { earliest: from, latest: to }, options);
}

/** The matchers, to pass to `expect.extend(matchers)` yourself; `warm-handoff/jest` does it for you. */
export const matchers = { toEscalate, toEscalateWith, toEscalateAtTurn, toEscalateBetweenTurns } as const;

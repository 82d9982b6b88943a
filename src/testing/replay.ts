import { createEscalator, type Escalator, type TurnResult } from '../escalator';
import type { EnvironmentInput } from '../schema/environment';
import type { Decision } from '../schema/decision';
import type { EvaluationResult } from '../schema/result';
import { invalidArgument, isPlainObject } from '../schema/argument';
import { unwrapConversation, type ConversationLike } from './builder';

/** How to evaluate a conversation in a test. */
export interface ReplayOptions {
  /** Overrides the environment held by the builder (`.env(...)`). */
  readonly environment?: EnvironmentInput | undefined;
  /** The escalator to run, e.g. with your own rule pack. @default createEscalator() with the default pack */
  readonly escalator?: Escalator | undefined;
}

/** The decision at one user turn: after the customer's message and every reply up to the next one. */
export interface TurnDecision {
  /** User turn, from 1. */
  readonly turn: number;
  /** The customer's message that opened the turn. */
  readonly text: string;
  /** Index in `conversation.messages` of the turn's last message, whose decision this is. */
  readonly messageIndex: number;
  readonly decision: Decision;
  /** The whole evaluation after that message: decision, packet when escalating, trace. */
  readonly result: EvaluationResult;
}

let shared: Escalator | undefined;

/** One default escalator per process, made on first use (never at import). */
export function defaultEscalator(): Escalator {
  shared ??= createEscalator();
  return shared;
}

/** Groups the per-message results of `escalator.replay` into one entry per user turn. */
export function turnsOf(texts: readonly { role: string; text: string }[], results: readonly TurnResult[]): TurnDecision[] {
  const userTexts = texts.filter((m) => m.role === 'user').map((m) => m.text);
  const turns: TurnDecision[] = [];
  for (const r of results) {
    if (r.turn === 0) continue; // before the customer's first message: not a turn
    const entry: TurnDecision = {
      turn: r.turn,
      text: userTexts[r.turn - 1] ?? '',
      messageIndex: r.messageIndex,
      decision: r.result.decision,
      result: r.result,
    };
    if (turns[turns.length - 1]?.turn === r.turn) turns[turns.length - 1] = entry;
    else turns.push(entry);
  }
  return turns;
}

/**
 * Evaluates the conversation message by message and returns the decision at every user
 * turn (empty when the customer never wrote).
 */
export async function replay(conversation: ConversationLike, options: ReplayOptions = {}): Promise<TurnDecision[]> {
  // The conversation itself is validated by the escalator (a ValidationError naming every bad path).
  // `as unknown`: checked without narrowing `options` to a record, which would lose its field types.
  if (!isPlainObject(options as unknown)) invalidArgument('replay options', 'an object { environment?, escalator? }', options);
  const { conversation: conv, environment } = unwrapConversation(conversation);
  const escalator = options.escalator ?? defaultEscalator();
  const results = await escalator.replay(conv, options.environment ?? environment);
  return turnsOf(conv.messages, results);
}

/** The first user turn at whose end the conversation escalates, or null when it never does. */
export function firstEscalationTurn(turns: readonly TurnDecision[]): number | null {
  if (!Array.isArray(turns)) invalidArgument('turns', 'an array of turn decisions from replay()', turns);
  const bad = turns.findIndex((t) => !isPlainObject(t) || !isPlainObject(t.decision));
  if (bad >= 0) invalidArgument('turns', 'a turn decision { turn, decision }', turns[bad], `[${bad}]`);
  const first = turns.find((t) => t.decision.escalate);
  return first === undefined ? null : (first.decision.triggeredAtTurn ?? first.turn);
}

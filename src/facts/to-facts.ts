import type { Customer } from '../schema/conversation';
import type { Environment } from '../schema/environment';
import { ATTRIBUTE_FACT_PREFIX, type Facts } from '../schema/facts';
import { isWithinBusinessHours } from '../decision/business-hours';
import type { FactsState } from './state';

/** What the facts need besides the running state: who, where, and the desk's situation now. */
export interface FactContext {
  readonly customer?: Customer | undefined;
  readonly channel?: string | undefined;
  readonly attributes?: Readonly<Record<string, unknown>> | undefined;
  readonly environment: Environment;
}

const LEVELS = [
  [0.7, 'high'],
  [0.4, 'medium'],
  [0.2, 'low'],
] as const;

/** Maps a frustration score to its level; the bounds are the ones the README documents. */
export function frustrationLevel(score: number): 'none' | 'low' | 'medium' | 'high' {
  for (const [bound, level] of LEVELS) if (score >= bound) return level;
  return 'none';
}

/** Least-squares slope of the values against their position. */
export function slope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  let meanY = 0;
  for (const v of values) meanY += v;
  meanY /= n;
  let num = 0;
  let den = 0;
  values.forEach((v, x) => {
    num += (x - meanX) * (v - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The facts the rules see, read from the running state in constant time. */
export function toFacts(state: FactsState, context: FactContext): Facts {
  const env = context.environment;
  const queues = env.queues === undefined ? [] : Object.values(env.queues);
  const agents = env.agentsAvailable ?? (queues.length > 0 ? queues.reduce((sum, q) => sum + q.agentsAvailable, 0) : -1);
  return {
    'sentiment.current': round(state.sentimentCurrent),
    'sentiment.average': state.userTurns === 0 ? 0 : round(state.sentimentSum / state.userTurns),
    'sentiment.minimum': round(state.sentimentMin),
    'sentiment.trend': round(slope(state.recentSentiments)),
    'sentiment.negativeStreak': state.negativeStreak,
    'frustration.score': round(state.frustration),
    'frustration.level': frustrationLevel(state.frustration),
    'frustration.signals': state.latestSignals,
    'humanRequest.detected': state.humanRequestCount > 0,
    'humanRequest.latest': state.humanRequestLatest,
    'humanRequest.count': state.humanRequestCount,
    'bot.consecutiveFallbacks': state.consecutiveFallbacks,
    'bot.totalFallbacks': state.totalFallbacks,
    'bot.loop': state.botLoop,
    'bot.error': state.botError || (env.botError !== undefined && env.botError !== false),
    'bot.lowConfidence': state.lowConfidence,
    'user.repeats': state.repeats,
    'user.repeatedLatest': state.repeatedLatest,
    'user.saysResolved': state.saysResolved,
    'topics.sensitive': [...state.topics],
    'topics.latest': [...state.latestTopics],
    'turns.user': state.userTurns,
    'turns.bot': state.botTurns,
    'turns.total': state.messages,
    'customer.tier': context.customer?.tier ?? 'standard',
    'customer.value': context.customer?.value ?? 0,
    channel: context.channel ?? 'unknown',
    'environment.agentsAvailable': agents,
    'environment.withinBusinessHours':
      env.businessHours === undefined || env.now === undefined ? true : isWithinBusinessHours(env.businessHours, env.now),
  };
}

/**
 * Flattens conversation attributes into `attributes.a.b` facts. Own keys only, into a
 * prototype-less object, so keys like `__proto__` stay plain data.
 */
export function attributeFacts(attributes: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const walk = (value: unknown, path: string, depth: number): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < 4) {
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key], `${path}.${key}`, depth + 1);
    }
    out[path] = value;
  };
  if (attributes !== undefined) {
    for (const key of Object.keys(attributes)) walk(attributes[key], `${ATTRIBUTE_FACT_PREFIX}${key}`, 1);
  }
  return out;
}

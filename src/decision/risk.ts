import type { Facts } from '../schema/facts';

/** Weights of the risk score: a logistic model over a few normalised facts. */
export interface RiskWeights {
  readonly bias: number;
  readonly frustration: number;
  readonly negativeSentiment: number;
  readonly negativeStreak: number;
  readonly fallbacks: number;
  readonly repeats: number;
  readonly humanRequest: number;
  readonly sensitiveTopic: number;
  readonly botLoop: number;
}

/**
 * Hand-set defaults: a calm conversation sits near 0.05, one strong signal lands near 0.5,
 * an explicit request or a sensitive topic alone passes 0.7.
 */
export const DEFAULT_RISK_WEIGHTS: RiskWeights = Object.freeze({
  bias: -3,
  frustration: 3,
  negativeSentiment: 1.5,
  negativeStreak: 1,
  fallbacks: 1.5,
  repeats: 1,
  humanRequest: 4,
  sensitiveTopic: 4,
  botLoop: 1,
});

const capped = (x: number, at: number): number => Math.min(x, at) / at;

/** How likely the conversation needs a person, 0 to 1, from the current facts. */
export function riskOf(facts: Facts, w: RiskWeights = DEFAULT_RISK_WEIGHTS): number {
  const z =
    w.bias +
    w.frustration * facts['frustration.score'] +
    w.negativeSentiment * Math.max(0, -facts['sentiment.current']) +
    w.negativeStreak * capped(facts['sentiment.negativeStreak'], 3) +
    w.fallbacks * capped(facts['bot.consecutiveFallbacks'], 2) +
    w.repeats * capped(facts['user.repeats'], 2) +
    w.humanRequest * (facts['humanRequest.detected'] ? 1 : 0) +
    w.sensitiveTopic * (facts['topics.sensitive'].length > 0 ? 1 : 0) +
    w.botLoop * (facts['bot.loop'] ? 1 : 0);
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
}

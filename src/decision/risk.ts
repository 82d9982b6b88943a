import type { z } from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import type { Facts } from '../schema/facts';
import { invalidArgument, isPlainObject } from '../schema/argument';

/** One input of the risk score: a fact (or a few) read as a number from 0 to 1. */
export interface RiskFeature {
  readonly description: string;
  readonly of: (facts: Facts) => number;
}

const unit = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const capped = (x: number, at: number): number => unit(x / at);
const flag = (b: boolean): number => (b ? 1 : 0);

/**
 * The features of the risk score, in the order of the weight vector. The scorer and the fitter
 * both read this table, so a fitted weight always means what the scorer does with it. Adding a
 * feature makes every weights file name it: the schema is strict, so an old file fails loudly
 * instead of scoring with a silent zero.
 */
export const RISK_FEATURES = {
  frustration: { description: "'frustration.score', 0 to 1", of: (f) => unit(f['frustration.score']) },
  negativeSentiment: { description: "how negative 'sentiment.current' is, 0 (neutral or better) to 1", of: (f) => unit(-f['sentiment.current']) },
  negativeStreak: { description: "'sentiment.negativeStreak', 1 from 3 negative messages in a row", of: (f) => capped(f['sentiment.negativeStreak'], 3) },
  fallbacks: { description: "'bot.consecutiveFallbacks', 1 from 2 in a row", of: (f) => capped(f['bot.consecutiveFallbacks'], 2) },
  repeats: { description: "'user.repeats', 1 from 2 repeated messages", of: (f) => capped(f['user.repeats'], 2) },
  humanRequest: { description: "'humanRequest.detected'", of: (f) => flag(f['humanRequest.detected']) },
  sensitiveTopic: { description: "any of 'topics.sensitive'", of: (f) => flag(Array.isArray(f['topics.sensitive']) && f['topics.sensitive'].length > 0) },
  botLoop: { description: "'bot.loop'", of: (f) => flag(f['bot.loop']) },
  botError: { description: "'bot.error'", of: (f) => flag(f['bot.error']) },
  saysResolved: { description: "'user.saysResolved'", of: (f) => flag(f['user.saysResolved']) },
} as const satisfies Record<string, RiskFeature>;

export type RiskFeatureName = keyof typeof RISK_FEATURES;

/** Feature names in weight-vector order. */
export const RISK_FEATURE_NAMES = Object.keys(RISK_FEATURES) as RiskFeatureName[];

/** The features of one moment of a conversation, in {@link RISK_FEATURE_NAMES} order. */
export function riskFeatures(facts: Facts): number[] {
  if (!isPlainObject(facts)) invalidArgument('facts', 'an object of fact values', facts);
  return RISK_FEATURE_NAMES.map((name) => RISK_FEATURES[name].of(facts));
}

const weight = lazySchema((z) => z.number().describe('A finite number (a log-odds change when the feature goes from 0 to 1).'));

/** How one set of weights scores on a set of labelled turns. */
export const RiskMetricsSchema = lazySchema((z) => z.strictObject({
  examples: z.number().int().min(0).describe('Labelled user turns scored.'),
  logLoss: z.number().min(0).describe('Mean negative log-likelihood of the labels; lower is better.'),
  auc: z.number().min(0).max(1).nullable().describe('Area under the ROC curve; null when the turns hold only one label.'),
  brier: z.number().min(0).max(1).describe('Mean squared difference between risk and label; lower is better.'),
}));
export type RiskMetrics = z.infer<typeof RiskMetricsSchema>;

/** Where fitted weights came from and how they did on conversations left out of each fit. */
export const RiskFitInfoSchema = lazySchema((z) => z.strictObject({
  source: z.string().optional().describe('The data the weights were fitted on, e.g. the conversations file.'),
  conversations: z.number().int().min(0).describe('Conversations with an outcome that gave training turns.'),
  examples: z.number().int().min(0).describe('Labelled user turns.'),
  positives: z.number().int().min(0).describe('Turns at or after the point a person was needed.'),
  l2: z.number().min(0).describe('L2 penalty on the feature weights.'),
  folds: z.number().int().min(2).describe('Cross-validation folds, split by conversation.'),
  seed: z.number().int().describe('Seed of the fold split.'),
  heldOut: z
    .strictObject({ fitted: RiskMetricsSchema, handSet: RiskMetricsSchema })
    .describe('Figures on conversations left out of each fold: fitted weights against the hand-set ones.'),
}));
export type RiskFitInfo = z.infer<typeof RiskFitInfoSchema>;

/**
 * Weights of the risk score: a bias and one weight per feature of {@link RISK_FEATURES}, with
 * optional notes on how they were fitted. Strict: a missing, misspelt or extra name is refused.
 */
export const RiskWeightsSchema = lazySchema((z) => z.strictObject({
  bias: weight.describe('Log-odds of risk when every feature is 0.'),
  ...(Object.fromEntries(RISK_FEATURE_NAMES.map((name) => [name, weight.describe(RISK_FEATURES[name].description)])) as Record<
    RiskFeatureName,
    typeof weight
  >),
  fitted: RiskFitInfoSchema.optional(),
}));
export type RiskWeights = z.infer<typeof RiskWeightsSchema>;
export type RiskWeightsInput = z.input<typeof RiskWeightsSchema>;

/**
 * The hand-set weights the library started with, kept to compare fitted ones against: a calm
 * conversation sits near 0.05, one strong signal lands near 0.5, an explicit request or a
 * sensitive topic alone passes 0.7.
 */
export const HAND_SET_RISK_WEIGHTS: RiskWeights = Object.freeze({
  bias: -3,
  frustration: 3,
  negativeSentiment: 1.5,
  negativeStreak: 1,
  fallbacks: 1.5,
  repeats: 1,
  humanRequest: 4,
  sensitiveTopic: 4,
  botLoop: 1,
  botError: 0,
  saysResolved: 0,
});

/** The log-odds of risk for a feature vector in {@link RISK_FEATURE_NAMES} order. */
export function riskLogOdds(features: readonly number[], w: RiskWeights): number {
  let z = w.bias;
  RISK_FEATURE_NAMES.forEach((name, i) => {
    z += w[name] * (features[i] ?? 0);
  });
  return z;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** How likely the conversation needs a person, 0 to 1 (three decimals), from the current facts. */
export function riskOf(facts: Facts, w: RiskWeights = HAND_SET_RISK_WEIGHTS): number {
  if (!isPlainObject(w)) invalidArgument('risk weights', 'an object of weights', w);
  if (!isPlainObject(facts)) invalidArgument('facts', 'an object of fact values', facts);
  // riskLogOdds(riskFeatures(facts), w), term for term, without building the feature list: it runs on every message.
  let z = w.bias;
  for (const name of RISK_FEATURE_NAMES) z += w[name] * RISK_FEATURES[name].of(facts);
  return Math.round(sigmoid(z) * 1000) / 1000;
}

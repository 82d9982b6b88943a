import type { z } from 'zod';
import { lazySchema } from '../schema/lazy-schema';
import { createEscalator, type Escalator, type EscalatorOptions } from '../escalator';
import { ValidationError, asLibraryError, isValidationError, type ErrorIssue } from '../errors';
import type { Conversation } from '../schema/conversation';
import { EnvironmentSchema, type EnvironmentInput } from '../schema/environment';
import type { Facts } from '../schema/facts';
import { toErrorIssues } from '../schema/validate';
import {
  HAND_SET_RISK_WEIGHTS,
  RISK_FEATURE_NAMES,
  RiskWeightsSchema,
  riskFeatures,
  riskLogOdds,
  sigmoid,
  type RiskFeatureName,
  type RiskMetrics,
  type RiskWeights,
} from '../decision/risk';
import { sessionFor } from './conversation-run';
import { stratifiedFolds } from './folds';
import { round4 } from './ratios';
import { parseLabelled } from './measure';
import { shouldEscalate, type Outcome } from './outcome';

export interface FitRiskOptions {
  /** The rule pack to replay with (its suppress rules reset signals, so facts can depend on it). @default the bundled pack */
  readonly rules?: EscalatorOptions['rules'];
  /** The environment every message is evaluated in. @default {} */
  readonly environment?: EnvironmentInput;
  /** An escalator of your own (custom facts, thresholds); used instead of `rules`. */
  readonly escalator?: Escalator;
  /** Cross-validation folds, split by conversation. @default 5 */
  readonly folds?: number;
  /** L2 penalty λ on the feature weights: the fit minimises the summed log-loss plus λ/2 · Σ w². @default 1 */
  readonly l2?: number;
  /** Seed of the fold split. @default 1 */
  readonly seed?: number;
  /** What the data is (a file name, say), recorded in the weights' `fitted.source`. */
  readonly source?: string;
}

/** One user turn with its risk features and whether a person was needed by then (1) or not (0). */
export interface RiskExample {
  readonly conversationId: string;
  /** User turn, from 1. */
  readonly turn: number;
  /** In `RISK_FEATURE_NAMES` order. */
  readonly features: readonly number[];
  readonly label: 0 | 1;
}

export interface RiskExampleCounts {
  readonly conversations: number;
  readonly withOutcome: number;
  readonly withoutOutcome: number;
  readonly outcomesWithoutConversation: number;
  /** Should-escalate outcomes whose ideal turn lies past the last user turn: the last turn is taken as the ideal one. */
  readonly idealTurnPastEnd: number;
}

export interface RiskFitReport {
  readonly counts: RiskExampleCounts & {
    /** Conversations with an outcome and at least one user turn: the ones the folds split. */
    readonly used: number;
    readonly examples: number;
    readonly positives: number;
  };
  readonly folds: number;
  readonly seed: number;
  readonly l2: number;
  /** Pooled over the folds, each turn scored by weights fitted without its conversation. */
  readonly heldOut: { readonly fitted: RiskMetrics; readonly handSet: RiskMetrics };
  /** The final weights scored on the turns they were fitted on: optimistic, shown for contrast. */
  readonly training: { readonly fitted: RiskMetrics };
  /** Newton steps of the final fit. */
  readonly iterations: number;
}

const OptionsSchema = lazySchema((z) => z.strictObject({
  rules: z.object({ rules: z.array(z.unknown()) }).optional(),
  environment: z.unknown().optional(),
  escalator: z
    .custom<Escalator>((v) => typeof v === 'object' && v !== null && typeof (v as { session?: unknown }).session === 'function', 'expected an escalator from createEscalator')
    .optional(),
  folds: z.number().int().min(2).max(100).optional(),
  l2: z.number().positive().max(1e6).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  source: z.string().min(1).max(1000).optional(),
}));

function checkOptions(options: unknown): z.infer<typeof OptionsSchema> {
  const parsed = OptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const issues = toErrorIssues(parsed.error.issues, options, ['options']);
  throw new ValidationError(`Invalid options: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
}

/**
 * Fits the risk score's weights to agent outcomes. Every conversation is replayed turn by turn
 * through a session; each user turn of a conversation with an outcome is one example, labelled
 * by {@link labelTurns}. The fit is an L2-regularised logistic regression (Newton's method,
 * deterministic), scored by k-fold cross-validation split by conversation against the hand-set
 * weights. Throws one {@link ValidationError} naming every bad conversation, outcome or option.
 */
export async function fitRiskWeights(
  conversations: readonly unknown[],
  outcomes: readonly unknown[],
  options: FitRiskOptions = {},
): Promise<{ weights: RiskWeights; report: RiskFitReport }> {
  const { examples, counts } = await collectRiskExamples(conversations, outcomes, options);
  return fitRiskExamples(examples, counts, options);
}

/** The labelled user turns of {@link fitRiskWeights}, before any fitting. */
export async function collectRiskExamples(
  conversations: readonly unknown[],
  outcomes: readonly unknown[],
  options: FitRiskOptions = {},
): Promise<{ examples: RiskExample[]; counts: RiskExampleCounts }> {
  const opts = checkOptions(options);
  const { convs, outs } = parseLabelled(conversations, outcomes);
  const environment = opts.environment === undefined ? undefined : parseEnvironment(opts.environment);
  const outcomeOf = new Map(outs.map((o) => [o.conversationId, o]));
  const escalator = opts.escalator ?? createEscalator(opts.rules === undefined ? {} : { rules: opts.rules });
  const examples: RiskExample[] = [];
  let withOutcome = 0;
  let idealTurnPastEnd = 0;
  for (const [i, conversation] of convs.entries()) {
    const outcome = outcomeOf.get(conversation.id);
    if (outcome === undefined) continue;
    withOutcome += 1;
    const labelled = labelTurns(await within(`conversations[${i}]`, () => riskTurns(escalator, conversation, environment)), outcome);
    if (labelled.pastEnd) idealTurnPastEnd += 1;
    for (const t of labelled.turns) examples.push({ conversationId: conversation.id, ...t });
  }
  const ids = new Set(convs.map((c) => c.id));
  return {
    examples,
    counts: {
      conversations: convs.length,
      withOutcome,
      withoutOutcome: convs.length - withOutcome,
      outcomesWithoutConversation: outs.filter((o) => !ids.has(o.conversationId)).length,
      idealTurnPastEnd,
    },
  };
}

function parseEnvironment(value: unknown): EnvironmentInput {
  const parsed = EnvironmentSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = toErrorIssues(parsed.error.issues, value, ['options', 'environment']);
  throw new ValidationError(`Invalid options: ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
}

/**
 * Runs `work`; a validation error from it (a message refused mid-replay, over the limits say)
 * gets its paths prefixed with `where`, so it names the conversation and message. Anything
 * else leaves as the library's own error.
 */
async function within<T>(where: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isValidationError(error)) throw asLibraryError(error);
    const issues = error.issues.map((issue) => ({ ...issue, path: issue.path === '' ? where : `${where}.${issue.path}` }));
    throw new ValidationError(error.message.split('\n')[0] ?? 'Invalid input', issues);
  }
}

/** The risk features after each user message of a conversation replayed through a session. */
export async function riskTurns(
  escalator: Escalator,
  conversation: Conversation,
  environment?: EnvironmentInput,
): Promise<{ turn: number; features: number[] }[]> {
  const session = sessionFor(escalator, conversation);
  const turns: { turn: number; features: number[] }[] = [];
  for (const [i, message] of conversation.messages.entries()) {
    const { trace } = await within(`messages[${i}]`, () => session.push(message, environment));
    // The trace holds every built-in fact (plus attributes and custom facts) at this message.
    if (message.role === 'user') turns.push({ turn: trace.turn, features: riskFeatures(trace.facts as unknown as Facts) });
  }
  return turns;
}

/**
 * Labels a conversation's user turns from its outcome. A conversation that should escalate
 * (`needed`, `late`, `missed`) with an ideal turn t: turns from t on are positive, earlier ones
 * negative (t past the end counts as the last turn). Without an ideal turn only its last user
 * turn is known, as positive. An `unneeded` conversation: every turn negative.
 */
export function labelTurns(
  turns: readonly { turn: number; features: readonly number[] }[],
  outcome: Pick<Outcome, 'outcome' | 'idealTurn'>,
): { turns: { turn: number; features: readonly number[]; label: 0 | 1 }[]; pastEnd: boolean } {
  const last = turns[turns.length - 1];
  if (last === undefined) return { turns: [], pastEnd: false };
  if (!shouldEscalate(outcome.outcome)) return { turns: turns.map((t) => ({ ...t, label: 0 })), pastEnd: false };
  if (outcome.idealTurn === undefined) return { turns: [{ ...last, label: 1 }], pastEnd: false };
  const from = Math.min(outcome.idealTurn, last.turn);
  return { turns: turns.map((t) => ({ ...t, label: t.turn >= from ? 1 : 0 })), pastEnd: outcome.idealTurn > last.turn };
}

/** The fit and its cross-validation on examples already labelled (see {@link collectRiskExamples}). */
export function fitRiskExamples(
  examples: readonly RiskExample[],
  counts: RiskExampleCounts,
  options: FitRiskOptions = {},
): { weights: RiskWeights; report: RiskFitReport } {
  const opts = checkOptions(options);
  const folds = opts.folds ?? 5;
  const l2 = opts.l2 ?? 1;
  const seed = opts.seed ?? 1;
  const byConversation = new Map<string, RiskExample[]>();
  for (const e of examples) {
    let list = byConversation.get(e.conversationId);
    if (list === undefined) byConversation.set(e.conversationId, (list = []));
    list.push(e);
  }
  const positives = examples.filter((e) => e.label === 1).length;
  const issues: ErrorIssue[] = [];
  if (byConversation.size < folds) {
    issues.push({
      code: 'too_small',
      path: opts.folds === undefined ? 'outcomes' : 'options.folds',
      message: `expected at least ${folds} conversations with an outcome and a user turn (one per fold), found ${byConversation.size}`,
    });
  } else if (positives === 0 || positives === examples.length) {
    issues.push({
      code: 'too_small',
      path: 'outcomes',
      message: `expected both labels among the user turns (a person needed, and not), found only ${positives === 0 ? 'turns where no one was needed' : 'turns where a person was needed'}`,
    });
  }
  if (issues.length > 0) throw new ValidationError('Cannot fit risk weights: 1 problem', issues);

  const fold = assignFolds(byConversation, folds, seed);
  const xs = examples.map((e) => e.features);
  const ys = examples.map((e) => e.label);
  const heldOut = new Array<number>(examples.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = examples.map((_, i) => i).filter((i) => fold.get(examples[i]!.conversationId) !== f);
    const w = toWeights(fitLogistic(train.map((i) => xs[i]!), train.map((i) => ys[i]!), l2).beta);
    examples.forEach((e, i) => {
      if (fold.get(e.conversationId) === f) heldOut[i] = sigmoid(riskLogOdds(e.features, w));
    });
  }
  const final = fitLogistic(xs, ys, l2);
  const fitted = toWeights(final.beta);
  const handSet = scores(ys, xs.map((x) => sigmoid(riskLogOdds(x, HAND_SET_RISK_WEIGHTS))));
  const heldOutFitted = scores(ys, heldOut);
  const report: RiskFitReport = {
    counts: { ...counts, used: byConversation.size, examples: examples.length, positives },
    folds,
    seed,
    l2,
    heldOut: { fitted: heldOutFitted, handSet },
    training: { fitted: scores(ys, xs.map((x) => sigmoid(riskLogOdds(x, fitted)))) },
    iterations: final.iterations,
  };
  const checked = RiskWeightsSchema.safeParse({
    ...fitted,
    fitted: {
      ...(opts.source === undefined ? {} : { source: opts.source }),
      conversations: byConversation.size,
      examples: examples.length,
      positives,
      l2,
      folds,
      seed,
      heldOut: report.heldOut,
    },
  });
  // Finite by construction; a failure here is a bug, reported as one.
  if (!checked.success) throw asLibraryError(checked.error);
  return { weights: checked.data, report };
}

/** Weights rounded to three decimals: the file stays readable and the held-out figures are those of the weights as saved. */
function toWeights(beta: readonly number[]): RiskWeights {
  const round = (x: number): number => Math.round(x * 1000) / 1000 + 0; // + 0 turns -0 into 0
  const features = Object.fromEntries(RISK_FEATURE_NAMES.map((name, i) => [name, round(beta[i + 1] ?? 0)])) as Record<RiskFeatureName, number>;
  return { bias: round(beta[0] ?? 0), ...features };
}

/**
 * Conversation → fold, stratified by whether the conversation has a positive turn, so every
 * fold sees both kinds and every training set can learn both labels.
 */
function assignFolds(byConversation: ReadonlyMap<string, readonly RiskExample[]>, folds: number, seed: number): Map<string, number> {
  const ids = [...byConversation.keys()];
  const out = new Map<string, number>();
  stratifiedFolds(
    ids.map((id) => byConversation.get(id)!.some((e) => e.label === 1)),
    folds,
    seed,
  ).forEach((members, f) => {
    for (const i of members) out.set(ids[i]!, f);
  });
  return out;
}

/** A hair of penalty on the bias too, so a training set with one label still gives finite weights. */
const BIAS_L2 = 1e-4;
const MAX_ITERATIONS = 100;

/** log(1 + e^z) without overflow. */
const softplus = (z: number): number => (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));

/**
 * L2-regularised logistic regression by Newton's method (iteratively reweighted least squares),
 * halving a step that would not lower the objective. `beta[0]` is the bias. Deterministic: the
 * same rows in the same order give the same weights.
 */
export function fitLogistic(xs: readonly (readonly number[])[], ys: readonly number[], l2: number): { beta: number[]; iterations: number } {
  const d = (xs[0]?.length ?? RISK_FEATURE_NAMES.length) + 1;
  const row = (x: readonly number[]): number[] => [1, ...x];
  const rows = xs.map(row);
  const penalty = (j: number): number => (j === 0 ? BIAS_L2 : l2);
  const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, j) => s + v * (b[j] ?? 0), 0);
  const objective = (beta: readonly number[]): number =>
    rows.reduce((s, x, i) => {
      const z = dot(x, beta);
      return s + softplus(z) - (ys[i] ?? 0) * z;
    }, 0) + beta.reduce((s, b, j) => s + 0.5 * penalty(j) * b * b, 0);
  let beta = new Array<number>(d).fill(0);
  let current = objective(beta);
  let iterations = 0;
  while (iterations < MAX_ITERATIONS) {
    iterations += 1;
    const grad = beta.map((b, j) => penalty(j) * b);
    const hess = Array.from({ length: d }, (_, j) => Array.from({ length: d }, (_, k) => (j === k ? penalty(j) : 0)));
    rows.forEach((x, i) => {
      const p = sigmoid(dot(x, beta));
      const r = p - (ys[i] ?? 0);
      const s = p * (1 - p);
      for (let j = 0; j < d; j++) {
        grad[j]! += r * x[j]!;
        const sx = s * x[j]!;
        if (sx === 0) continue;
        const hj = hess[j]!;
        for (let k = j; k < d; k++) hj[k]! += sx * x[k]!;
      }
    });
    for (let j = 0; j < d; j++) for (let k = 0; k < j; k++) hess[j]![k] = hess[k]![j]!;
    const step = solveSpd(hess, grad);
    let t = 1;
    let candidate = beta;
    let value = current;
    while (t > 1e-6) {
      candidate = beta.map((b, j) => b - t * step[j]!);
      value = objective(candidate);
      if (value <= current) break;
      t /= 2;
    }
    const moved = Math.max(...step.map((s) => Math.abs(t * s)));
    if (!(value <= current)) break; // no step lowers the objective: at the optimum within rounding
    beta = candidate;
    current = value;
    if (moved < 1e-9) break;
  }
  return { beta, iterations };
}

/** Solves A·x = b for a symmetric positive-definite A (the penalised Hessian) by Cholesky. */
function solveSpd(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j]![j]!;
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i]![k]! * y[k]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k]![i]! * x[k]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

/** Probabilities are clipped before the log, so one confident miss costs a lot but not infinity. */
const EPSILON = 1e-12;

/** Log-loss, AUC and Brier score of predicted probabilities against 0/1 labels. */
export function scores(labels: readonly number[], predicted: readonly number[]): RiskMetrics {
  const n = labels.length;
  let logLoss = 0;
  let brier = 0;
  labels.forEach((y, i) => {
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, predicted[i] ?? 0));
    logLoss -= y === 1 ? Math.log(p) : Math.log(1 - p);
    brier += ((predicted[i] ?? 0) - y) ** 2;
  });
  const auc = areaUnderCurve(labels, predicted);
  return {
    examples: n,
    logLoss: n === 0 ? 0 : round4(logLoss / n),
    auc: auc === null ? null : round4(auc),
    brier: n === 0 ? 0 : round4(brier / n),
  };
}

/** The chance a random positive scores above a random negative (ties count half): the Mann–Whitney form of the ROC area. */
function areaUnderCurve(labels: readonly number[], predicted: readonly number[]): number | null {
  const order = labels.map((_, i) => i).sort((a, b) => predicted[a]! - predicted[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && predicted[order[j + 1]!] === predicted[order[i]!]) j += 1;
    const rank = (i + j) / 2 + 1; // mean 1-based rank of the tied run
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!] === 1) {
        positives += 1;
        rankSum += rank;
      }
    }
    i = j + 1;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

import { HAND_SET_RISK_WEIGHTS, RISK_FEATURE_NAMES, RISK_FEATURES, RiskWeightsSchema, riskFeatures, riskOf, type RiskWeights } from '../../src/decision/risk';
import { decide, DEFAULT_DECISION_POLICY } from '../../src/decision/decide';
import { emptyEvidence, initialFactsState } from '../../src/facts/state';
import { toFacts } from '../../src/facts/to-facts';
import { createEscalator } from '../../src/escalator';
import { ValidationError } from '../../src/errors';
import type { Facts } from '../../src/schema/facts';

const calm = toFacts(initialFactsState(), { environment: {} });
const at = (over: Partial<Facts>): Facts => ({ ...calm, ...over });

function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a ValidationError');
}

describe('risk features', () => {
  it('reads every feature as a number from 0 to 1, even from facts out of range', () => {
    const wild = at({
      'frustration.score': 7,
      'sentiment.current': -3,
      'sentiment.negativeStreak': 40,
      'bot.consecutiveFallbacks': 9,
      'user.repeats': 12,
      'humanRequest.detected': true,
      'topics.sensitive': ['fraud'],
      'bot.loop': true,
      'bot.error': true,
      'user.saysResolved': true,
    });
    expect(riskFeatures(wild)).toEqual(RISK_FEATURE_NAMES.map(() => 1));
    expect(riskFeatures(calm)).toEqual(RISK_FEATURE_NAMES.map(() => 0));
    expect(riskFeatures(at({ 'sentiment.current': 0.8, 'frustration.score': Number.NaN }))).toEqual(RISK_FEATURE_NAMES.map(() => 0));
    expect(RISK_FEATURES.negativeStreak.of(at({ 'sentiment.negativeStreak': 1 }))).toBeCloseTo(1 / 3);
  });
});

describe('riskOf with the hand-set weights', () => {
  it('gives the figures it always gave: calm near 0.05, a request or a sensitive topic alone past 0.7', () => {
    expect(riskOf(calm)).toBe(0.047);
    expect(riskOf(at({ 'humanRequest.detected': true }))).toBe(0.731);
    expect(riskOf(at({ 'topics.sensitive': ['bereavement'] }))).toBe(0.731);
    expect(riskOf(at({ 'frustration.score': 0.5, 'sentiment.current': -0.6 }))).toBe(0.354);
    expect(riskOf(calm, HAND_SET_RISK_WEIGHTS)).toBe(riskOf(calm));
  });
});

describe('custom risk weights', () => {
  const heavyBotError: RiskWeights = { ...HAND_SET_RISK_WEIGHTS, botError: 5 };

  it('change the risk: a weight moves the score of the facts its feature reads, and only those', () => {
    const broken = at({ 'bot.error': true });
    expect(riskOf(broken)).toBe(0.047);
    expect(riskOf(broken, heavyBotError)).toBe(0.881);
    expect(riskOf(calm, heavyBotError)).toBe(riskOf(calm));
    expect(riskOf(calm, { ...HAND_SET_RISK_WEIGHTS, bias: 0 })).toBe(0.5);
  });

  it('reach decide through the policy, and with them the watch decision', () => {
    const input = {
      fired: [],
      facts: at({ 'bot.error': true }),
      evidence: emptyEvidence(),
      latch: null,
      previousRisk: 0.1,
      turn: 1,
      environment: {},
    };
    expect(decide({ ...input, policy: DEFAULT_DECISION_POLICY }).decision).toMatchObject({ action: 'continue', risk: 0.047 });
    expect(decide({ ...input, policy: { ...DEFAULT_DECISION_POLICY, riskWeights: heavyBotError } }).decision).toMatchObject({ action: 'watch', risk: 0.881 });
  });

  it('reach the escalator through createEscalator({ riskWeights })', async () => {
    const conversation = { id: 'r', messages: [{ role: 'user' as const, text: 'where is my parcel' }] };
    const plain = await createEscalator({ riskWeights: { ...HAND_SET_RISK_WEIGHTS } }).evaluate(conversation);
    const high = await createEscalator({ riskWeights: { ...HAND_SET_RISK_WEIGHTS, bias: 2 } }).evaluate(conversation);
    expect(plain.decision.risk).toBe(riskOf(plain.trace.facts as unknown as Facts));
    expect(high.decision.risk).toBe(riskOf(high.trace.facts as unknown as Facts, { ...HAND_SET_RISK_WEIGHTS, bias: 2 }));
    expect(high.decision.risk).toBeGreaterThan(plain.decision.risk);
  });

  it('are refused by createEscalator with a ValidationError naming riskWeights.<field>', () => {
    expect(issuesOf(() => createEscalator({ riskWeights: { ...HAND_SET_RISK_WEIGHTS, frustration: 'high' as never } }))).toEqual([
      { path: 'riskWeights.frustration', message: expect.stringMatching(/expected number/) },
    ]);
    const { botError: _dropped, ...missing } = HAND_SET_RISK_WEIGHTS;
    expect(issuesOf(() => createEscalator({ riskWeights: missing as never })).map((i) => i.path)).toEqual(['riskWeights.botError']);
    expect(issuesOf(() => createEscalator({ riskWeights: { ...HAND_SET_RISK_WEIGHTS, bais: 1 } as never })).map((i) => i.path)).toEqual(['riskWeights']);
    expect(issuesOf(() => createEscalator({ riskWeights: { ...HAND_SET_RISK_WEIGHTS, bias: Number.POSITIVE_INFINITY } })).map((i) => i.path)).toEqual([
      'riskWeights.bias',
    ]);
  });
});

describe('RiskWeightsSchema', () => {
  const heldOut = { examples: 10, logLoss: 0.3, auc: 0.9, brier: 0.1 };
  const fitted = { conversations: 4, examples: 10, positives: 3, l2: 1, folds: 2, seed: 1, heldOut: { fitted: heldOut, handSet: { ...heldOut, auc: null } } };

  it('takes a bias and one finite weight per feature, with optional notes on the fit', () => {
    expect(RiskWeightsSchema.parse(HAND_SET_RISK_WEIGHTS)).toEqual(HAND_SET_RISK_WEIGHTS);
    expect(Object.keys(HAND_SET_RISK_WEIGHTS).sort()).toEqual(['bias', ...RISK_FEATURE_NAMES].sort());
    expect(RiskWeightsSchema.safeParse({ ...HAND_SET_RISK_WEIGHTS, fitted: { ...fitted, source: 'logs.jsonl' } }).success).toBe(true);
  });

  it('refuses a missing, extra, non-finite or non-number weight, and notes that do not add up', () => {
    const paths = (value: unknown): string[] => {
      const r = RiskWeightsSchema.safeParse(value);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    const { repeats: _dropped, ...missing } = HAND_SET_RISK_WEIGHTS;
    expect(paths(missing)).toEqual(['repeats']);
    expect(paths({ ...HAND_SET_RISK_WEIGHTS, extra: 1 })).toEqual(['']);
    expect(paths({ ...HAND_SET_RISK_WEIGHTS, humanRequest: Number.NaN })).toEqual(['humanRequest']);
    expect(paths({ ...HAND_SET_RISK_WEIGHTS, humanRequest: Number.NEGATIVE_INFINITY })).toEqual(['humanRequest']);
    expect(paths({ ...HAND_SET_RISK_WEIGHTS, bias: '1' })).toEqual(['bias']);
    expect(paths({ ...HAND_SET_RISK_WEIGHTS, fitted: { ...fitted, heldOut: { ...fitted.heldOut, fitted: { ...heldOut, auc: 1.2 } } } })).toEqual([
      'fitted.heldOut.fitted.auc',
    ]);
    expect(paths({ ...HAND_SET_RISK_WEIGHTS, fitted: { ...fitted, folds: 1 } })).toEqual(['fitted.folds']);
  });
});

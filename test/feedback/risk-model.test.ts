import { collectRiskExamples, fitLogistic, fitRiskExamples, fitRiskWeights, labelTurns, scores, type RiskExample } from '../../src/feedback/risk-model';
import { HAND_SET_RISK_WEIGHTS, RISK_FEATURE_NAMES, RiskWeightsSchema, type RiskFeatureName } from '../../src/decision/risk';
import { ValidationError } from '../../src/errors';
import { botErrorSet } from './risk-data';

const COUNTS = { conversations: 0, withOutcome: 0, withoutOutcome: 0, outcomesWithoutConversation: 0, idealTurnPastEnd: 0 };

async function issuesOf(run: () => Promise<unknown>): Promise<{ path: string; message: string }[]> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a ValidationError');
}

/** A seeded generator, so the synthetic features are the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const featureIndex = (name: RiskFeatureName): number => RISK_FEATURE_NAMES.indexOf(name);

/** Features drawn at random; `repeats` is 1 on 90% of the positive turns and 10% of the negative ones. */
function syntheticExamples(conversations: number): RiskExample[] {
  const next = lcg(7);
  const out: RiskExample[] = [];
  for (let c = 0; c < conversations; c++) {
    for (let turn = 1; turn <= 3; turn++) {
      const label = (c % 2 === 0 && turn === 3 ? 1 : 0) as 0 | 1;
      const features = RISK_FEATURE_NAMES.map(() => next() * 0.3);
      features[featureIndex('repeats')] = (label === 1 ? next() < 0.9 : next() < 0.1) ? 1 : 0;
      out.push({ conversationId: `c${c}`, turn, features, label });
    }
  }
  return out;
}

describe('labelTurns', () => {
  const turns = [1, 2, 3].map((turn) => ({ turn, features: [turn] }));
  const labels = (outcome: Parameters<typeof labelTurns>[1]) => labelTurns(turns, outcome).turns.map((t) => [t.turn, t.label]);

  it('marks turns from the ideal turn on as positive, earlier ones negative', () => {
    expect(labels({ outcome: 'needed', idealTurn: 2 })).toEqual([[1, 0], [2, 1], [3, 1]]);
    expect(labels({ outcome: 'late', idealTurn: 1 })).toEqual([[1, 1], [2, 1], [3, 1]]);
    expect(labels({ outcome: 'missed', idealTurn: 3 })).toEqual([[1, 0], [2, 0], [3, 1]]);
  });

  it('keeps only the last turn, as positive, when there is no ideal turn', () => {
    expect(labels({ outcome: 'missed' })).toEqual([[3, 1]]);
    expect(labels({ outcome: 'needed' })).toEqual([[3, 1]]);
  });

  it('gives every turn of an unneeded escalation as negative, whatever its ideal turn', () => {
    expect(labels({ outcome: 'unneeded' })).toEqual([[1, 0], [2, 0], [3, 0]]);
    expect(labels({ outcome: 'unneeded', idealTurn: 2 })).toEqual([[1, 0], [2, 0], [3, 0]]);
  });

  it('reads an ideal turn past the end as the last turn, and says so', () => {
    const out = labelTurns(turns, { outcome: 'needed', idealTurn: 9 });
    expect(out.turns.map((t) => t.label)).toEqual([0, 0, 1]);
    expect(out.pastEnd).toBe(true);
    expect(labelTurns([], { outcome: 'needed' })).toEqual({ turns: [], pastEnd: false });
  });
});

describe('fitLogistic and scores', () => {
  it('recovers the sign and rough size of a known model', () => {
    const next = lcg(3);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const x = [next(), next()];
      const p = 1 / (1 + Math.exp(-(-1 + 3 * x[0]! - 2 * x[1]!)));
      xs.push(x);
      ys.push(next() < p ? 1 : 0);
    }
    const { beta } = fitLogistic(xs, ys, 0.01);
    expect(beta[0]).toBeCloseTo(-1, 0);
    expect(beta[1]).toBeCloseTo(3, 0);
    expect(beta[2]).toBeCloseTo(-2, 0);
  });

  it('keeps weights finite on separable data', () => {
    const { beta } = fitLogistic([[0], [0], [1], [1]], [0, 0, 1, 1], 0.01);
    expect(beta.every(Number.isFinite)).toBe(true);
    expect(beta[1]).toBeGreaterThan(5);
    expect(beta[1]).toBeLessThan(50);
  });

  it('computes log-loss, AUC (ties half) and Brier by hand', () => {
    expect(scores([1, 0], [0.8, 0.4])).toEqual({ examples: 2, logLoss: 0.367, auc: 1, brier: 0.1 });
    expect(scores([1, 0, 1, 0], [0.5, 0.5, 0.9, 0.1]).auc).toBe(0.875);
    expect(scores([0, 0], [0.2, 0.3]).auc).toBeNull();
  });
});

describe('fitRiskExamples', () => {
  it('gives the feature that predicts the label a large positive weight, and the noise small ones', () => {
    const { weights, report } = fitRiskExamples(syntheticExamples(60), COUNTS);
    expect(weights.repeats).toBeGreaterThan(3);
    for (const name of RISK_FEATURE_NAMES.filter((n) => n !== 'repeats')) expect(Math.abs(weights[name])).toBeLessThan(weights.repeats / 2);
    expect(report.heldOut.fitted.auc).toBeGreaterThan(0.85);
    expect(report.heldOut.fitted.logLoss).toBeLessThan(report.heldOut.handSet.logLoss);
  });

  it('is deterministic: the same input gives the same weights; another seed another split', () => {
    const examples = syntheticExamples(40);
    const a = fitRiskExamples(examples, COUNTS);
    expect(fitRiskExamples(examples, COUNTS)).toEqual(a);
    expect(fitRiskExamples(examples, COUNTS, { seed: 2 }).report.heldOut).not.toEqual(a.report.heldOut);
    expect(fitRiskExamples(examples, COUNTS, { seed: 2 }).weights.repeats).toBe(a.weights.repeats); // the final fit uses every turn
  });

  it('refuses too few conversations for the folds, and a single label', async () => {
    const examples = syntheticExamples(6);
    expect(await issuesOf(async () => fitRiskExamples(examples, COUNTS, { folds: 7 }))).toEqual([
      { path: 'options.folds', message: 'expected at least 7 conversations with an outcome and a user turn (one per fold), found 6' },
    ]);
    expect((await issuesOf(async () => fitRiskExamples(syntheticExamples(3), COUNTS)))[0]?.path).toBe('outcomes');
    const negatives = examples.map((e) => ({ ...e, label: 0 as const }));
    expect(await issuesOf(async () => fitRiskExamples(negatives, COUNTS))).toEqual([
      { path: 'outcomes', message: 'expected both labels among the user turns (a person needed, and not), found only turns where no one was needed' },
    ]);
  });
});

describe('fitRiskWeights', () => {
  const { conversations, outcomes } = botErrorSet();

  it('replays conversations into labelled turns: all turns of an unneeded one, the last of one without an ideal turn', async () => {
    const { examples, counts } = await collectRiskExamples(conversations, outcomes);
    expect(counts).toEqual({ conversations: 24, withOutcome: 24, withoutOutcome: 0, outcomesWithoutConversation: 0, idealTurnPastEnd: 0 });
    expect(examples.filter((e) => e.conversationId === 'fine-0').map((e) => [e.turn, e.label])).toEqual([[1, 0], [2, 0]]);
    const broken = examples.filter((e) => e.conversationId === 'broken-0');
    expect(broken.map((e) => [e.turn, e.label])).toEqual([[2, 1]]);
    expect(broken[0]?.features[featureIndex('botError')]).toBe(1);
  });

  it('learns that a bot failure before the turn means a person is needed, and beats the hand-set weights held out', async () => {
    const { weights, report } = await fitRiskWeights(conversations, outcomes, { source: 'bot-errors.jsonl' });
    expect(weights.botError).toBeGreaterThan(3);
    expect(RiskWeightsSchema.parse(weights)).toEqual(weights);
    expect(weights.fitted).toMatchObject({ source: 'bot-errors.jsonl', conversations: 24, examples: 36, positives: 12, folds: 5, seed: 1, l2: 1 });
    expect(weights.fitted?.heldOut).toEqual(report.heldOut);
    expect(report.counts).toMatchObject({ used: 24, examples: 36, positives: 12 });
    for (const m of [report.heldOut.fitted, report.heldOut.handSet, report.training.fitted]) {
      expect(m.examples).toBe(36);
      expect(m.brier).toBeGreaterThanOrEqual(0);
      expect(m.brier).toBeLessThanOrEqual(1);
      expect(m.logLoss).toBeGreaterThan(0);
    }
    expect(report.heldOut.fitted.auc).toBe(1);
    expect(report.heldOut.handSet.auc).toBeLessThan(0.75); // the hand-set weights give a bot error nothing
    expect(report.heldOut.fitted.logLoss).toBeLessThan(report.heldOut.handSet.logLoss);
    expect(report.training.fitted.logLoss).toBeLessThanOrEqual(report.heldOut.fitted.logLoss);
    expect(HAND_SET_RISK_WEIGHTS.botError).toBe(0);
  });

  it('gives the same weights for the same input', async () => {
    const a = await fitRiskWeights(conversations, outcomes, { folds: 3 });
    const b = await fitRiskWeights(conversations, outcomes, { folds: 3 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('counts conversations without an outcome and outcomes without a conversation, and uses neither', async () => {
    const more = [...conversations, { id: 'stray', messages: [{ role: 'user' as const, text: 'hi' }] }];
    const { report } = await fitRiskWeights(more, [...outcomes, { conversationId: 'ghost', outcome: 'needed' }]);
    expect(report.counts).toMatchObject({ conversations: 25, withOutcome: 24, withoutOutcome: 1, outcomesWithoutConversation: 1, used: 24 });
  });

  it('names every bad conversation, outcome and option', async () => {
    const badConversation = [conversations[0], { id: 'x', messages: [{ role: 'robot', text: 'hi' }] }];
    expect(await issuesOf(() => fitRiskWeights(badConversation, outcomes))).toEqual([
      expect.objectContaining({ path: 'conversations[1].messages[0].role' }),
    ]);
    expect(await issuesOf(() => fitRiskWeights(conversations, [{ conversationId: 'fine-0', outcome: 'maybe' }]))).toEqual([
      expect.objectContaining({ path: 'outcomes[0].outcome' }),
    ]);
    expect(await issuesOf(() => fitRiskWeights('nope' as never, outcomes))).toEqual([expect.objectContaining({ path: 'conversations' })]);
    expect((await issuesOf(() => fitRiskWeights(conversations, outcomes, { folds: 1 }))).map((i) => i.path)).toEqual(['options.folds']);
    expect((await issuesOf(() => fitRiskWeights(conversations, outcomes, { l2: -1 }))).map((i) => i.path)).toEqual(['options.l2']);
    expect((await issuesOf(() => fitRiskWeights(conversations, outcomes, { folds: 30 }))).map((i) => i.path)).toEqual(['options.folds']);
    expect((await issuesOf(() => fitRiskWeights(conversations, outcomes, { environment: { now: 'soon' } }))).map((i) => i.path)).toEqual([
      'options.environment.now',
    ]);
    const long = [conversations[0]!, { id: 'long', messages: [{ role: 'user' as const, text: 'hi' }, { role: 'bot' as const, text: 'x'.repeat(25_000) }] }];
    expect(await issuesOf(() => fitRiskWeights(long, [{ conversationId: 'long', outcome: 'needed' }]))).toEqual([
      expect.objectContaining({ path: 'conversations[1].messages[1].text', message: expect.stringMatching(/limits\.maxMessageChars/) }),
    ]);
    const unneeded = outcomes.map((o) => ({ ...o, outcome: 'unneeded' as const }));
    expect((await issuesOf(() => fitRiskWeights(conversations, unneeded))).map((i) => i.path)).toEqual(['outcomes']);
  });
});

import { MeasureReportSchema, type MeasureReport } from '../../src/feedback/report';
import { TuneReportSchema, type Curve, type TuneReport } from '../../src/feedback/tune-report';

// Hand-made reports for the HTML report tests, parsed with the schemas so they stay valid as
// the schemas change. The figures agree with each other (precision from the confusion counts,
// histogram sums to `measured`), so the rendered page reads like a real one.

const round = (x: number): number => Math.round(x * 1000) / 1000;

export const MEASURE: MeasureReport = MeasureReportSchema.parse({
  counts: {
    conversations: 120,
    withOutcome: 100,
    withoutOutcome: 20,
    outcomesWithoutConversation: 2,
    byOutcome: { needed: 30, unneeded: 55, late: 8, missed: 7 },
  },
  escalated: 46,
  escalationRate: round(46 / 120),
  confusion: { tp: 34, fp: 6, fn: 11, tn: 49 },
  precision: round(34 / 40),
  recall: round(34 / 45),
  f1: round((2 * 34) / (2 * 34 + 6 + 11)),
  timing: {
    withIdealTurn: 40,
    measured: 31,
    notEscalated: 9,
    early: 6,
    onTime: 14,
    late: 11,
    meanOffset: round(12 / 31),
    histogram: [
      { offset: -2, count: 2 },
      { offset: -1, count: 4 },
      { offset: 0, count: 14 },
      { offset: 1, count: 6 },
      { offset: 2, count: 3 },
      { offset: 4, count: 2 },
    ],
  },
  rules: [
    { rule: 'long-conversation', event: 'escalate', fired: 20, firedWithOutcome: 16, unneeded: 4, unneededShare: 0.25, shareOfUnneeded: round(4 / 55) },
    { rule: 'repeated-bot-failure', event: 'escalate', fired: 18, firedWithOutcome: 15, unneeded: 1, unneededShare: round(1 / 15), shareOfUnneeded: round(1 / 55) },
    { rule: 'explicit-human-request', event: 'escalate', fired: 15, firedWithOutcome: 13, unneeded: 0, unneededShare: 0, shareOfUnneeded: 0 },
    { rule: 'high-frustration', event: 'escalate', fired: 12, firedWithOutcome: 10, unneeded: 2, unneededShare: 0.2, shareOfUnneeded: round(2 / 55) },
    { rule: 'after-hours', event: 'suppress', fired: 0, firedWithOutcome: 0, unneeded: 0, unneededShare: null, shareOfUnneeded: null },
  ],
  botGaps: {
    intents: [
      {
        key: 'billing',
        events: 14,
        escalations: 9,
        fallbacks: 5,
        conversations: 11,
        labelled: 10,
        needed: 7,
        neededShare: 0.7,
        examples: [
          { conversationId: 'c17', turn: 3, excerpt: 'my invoice is wrong again' },
          { conversationId: 'c42', turn: 2, excerpt: 'why was I charged twice' },
        ],
      },
      {
        key: 'address_change',
        events: 6,
        escalations: 2,
        fallbacks: 4,
        conversations: 3,
        labelled: 3,
        needed: 3,
        neededShare: 1,
        examples: [{ conversationId: 'c2', turn: 3, excerpt: 'Flat 2 at [address]' }],
      },
    ],
    topics: [
      {
        key: 'cancellation',
        events: 5,
        escalations: 5,
        fallbacks: 0,
        conversations: 5,
        labelled: 4,
        needed: 4,
        neededShare: 1,
        examples: [{ conversationId: 'c9', turn: 1, excerpt: 'I want to cancel my contract' }],
      },
    ],
    botReplies: [
      {
        key: 'sorry, i did not get that.',
        events: 12,
        escalations: 4,
        fallbacks: 8,
        conversations: 6,
        labelled: 5,
        needed: 4,
        neededShare: 0.8,
        examples: [{ conversationId: 'c6', turn: 2, excerpt: 'yes, [card] is the card' }],
      },
    ],
  },
});

/** Precision rises and recall falls as a threshold rises, like a real sweep. */
function sweep(ref: Omit<Curve, 'points'>, min: number, max: number, step: number): Curve {
  const points: Curve['points'] = [];
  const n = Math.round((max - min) / step);
  for (let i = 0; i <= n; i++) {
    const value = round(min + i * step);
    const t = i / n;
    const precision = round(0.55 + 0.4 * t);
    const recall = round(0.95 - 0.6 * t * t);
    points.push({ value, precision, recall, f1: round((2 * precision * recall) / (precision + recall)) });
  }
  return { ...ref, points };
}

const score = (tp: number, fp: number, fn: number, tn: number, objective: number) => {
  const precision = tp + fp === 0 ? null : round(tp / (tp + fp));
  const recall = tp + fn === 0 ? null : round(tp / (tp + fn));
  const f1 = tp === 0 ? null : round((2 * tp) / (2 * tp + fp + fn));
  return { confusion: { tp, fp, fn, tn }, precision, recall, f1, objective };
};

const FRUSTRATION = { rule: 'high-frustration', path: 'conditions.all[0].value', fact: 'frustration.score', operator: 'greaterThanInclusive' };
const LONG = { rule: 'long-conversation', path: 'conditions.all[0].value', fact: 'turns.user', operator: 'greaterThanInclusive' };
const NEGATIVE = { rule: 'sustained-negative-sentiment', path: 'conditions.all[1].value', fact: 'sentiment.mean', operator: 'lessThan' };

export const TUNE: TuneReport = TuneReportSchema.parse({
  objective: { kind: 'fbeta', beta: 2 },
  folds: 5,
  seed: 42,
  conversations: 100,
  before: score(34, 6, 11, 49, 0.772),
  after: score(38, 9, 7, 46, 0.828),
  training: score(40, 8, 5, 47, 0.861),
  numbers: [
    { ...FRUSTRATION, before: 0.6, after: 0.45, min: 0.2, max: 0.9, step: 0.05, foldValues: [0.45, 0.45, 0.5, 0.45, 0.4], heldOutAlone: score(36, 7, 9, 48, 0.801) },
    { ...LONG, before: 4, after: 5, min: 2, max: 10, step: 1, foldValues: [5, 5, 5, 5, 5], heldOutAlone: score(35, 5, 10, 50, 0.79) },
    { ...NEGATIVE, before: -0.3, after: -0.3, min: -0.8, max: 0, step: 0.1, foldValues: [-0.3, -0.3, -0.4, -0.3, -0.3], heldOutAlone: score(34, 6, 11, 49, 0.772) },
  ],
  curves: [
    sweep({ ...FRUSTRATION, before: 0.6, after: 0.45 }, 0.2, 0.9, 0.05),
    sweep({ ...LONG, before: 4, after: 5 }, 2, 10, 1),
    sweep({ ...NEGATIVE, before: -0.3, after: -0.3 }, -0.8, 0, 0.1),
  ],
});

/** A measure report with nothing in it: no outcome, no escalation, no timing, no gaps. */
export const EMPTY_MEASURE: MeasureReport = MeasureReportSchema.parse({
  counts: { conversations: 0, withOutcome: 0, withoutOutcome: 0, outcomesWithoutConversation: 0, byOutcome: { needed: 0, unneeded: 0, late: 0, missed: 0 } },
  escalated: 0,
  escalationRate: null,
  confusion: { tp: 0, fp: 0, fn: 0, tn: 0 },
  precision: null,
  recall: null,
  f1: null,
  timing: { withIdealTurn: 0, measured: 0, notEscalated: 0, early: 0, onTime: 0, late: 0, meanOffset: null, histogram: [] },
  rules: [],
  botGaps: { intents: [], topics: [], botReplies: [] },
});

import type { z } from 'zod';
import { lazySchema } from '../schema/lazy-schema';

const share = lazySchema((z) => z.number().min(0).max(1).nullable());

/** What tuning maximises: F-beta of escalation, or minus the cost of mistakes in agent minutes. */
export const ObjectiveSchema = lazySchema((z) => z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('fbeta'),
    beta: z.number().positive().describe('Above 1 weighs recall (missed handoffs) more; below 1 weighs precision.'),
  }),
  z.strictObject({
    kind: z.literal('cost'),
    unneededCost: z.number().min(0).describe('Agent minutes an unneeded handoff costs.'),
    missedCost: z.number().min(0).describe('Minutes (or their equivalent) a missed handoff costs.'),
  }),
]));

/** Escalation quality of one pack on a set of labelled conversations. */
export const ScoreSchema = lazySchema((z) => z.strictObject({
  confusion: z.strictObject({ tp: z.number().int(), fp: z.number().int(), fn: z.number().int(), tn: z.number().int() }),
  precision: share,
  recall: share,
  f1: share,
  /** F-beta for a `fbeta` objective, minus the cost per conversation for a `cost` one: higher is better. */
  objective: z.number(),
}));

/** Where a tunable number sits: its rule, the JSON path inside the rule, its fact and operator. */
export const TunableRefSchema = lazySchema((z) => z.strictObject({
  rule: z.string(),
  path: z.string().describe('JSON path of the number inside the rule, e.g. conditions.all[0].value.'),
  fact: z.string(),
  operator: z.string(),
}));

export const TunedNumberSchema = lazySchema((z) => TunableRefSchema.extend({
  before: z.number(),
  after: z.number(),
  min: z.number(),
  max: z.number(),
  step: z.number(),
  /** The value each fold's tuning chose: how stable the choice is. */
  foldValues: z.array(z.number()),
  /** Held-out score of the original pack with only this number tuned (k-fold). */
  heldOutAlone: ScoreSchema,
}));

/** Precision and recall as one tunable number sweeps its range, the others at their tuned values. */
export const CurveSchema = lazySchema((z) => TunableRefSchema.extend({
  before: z.number(),
  after: z.number(),
  points: z.array(z.strictObject({ value: z.number(), precision: share, recall: share, f1: share })),
}));

/** What `tune` returns: held-out figures before and after, every tuned number, and the sweeps. */
export const TuneReportSchema = lazySchema((z) => z.strictObject({
  objective: ObjectiveSchema,
  folds: z.number().int().min(2),
  seed: z.number().int(),
  conversations: z.number().int().min(0).describe('Labelled conversations tuned on.'),
  before: ScoreSchema.describe('Held-out (k-fold) score of the pack as given.'),
  after: ScoreSchema.describe('Held-out (k-fold) score of the tuning procedure: each fold tuned on the others.'),
  training: ScoreSchema.describe('Score of the final tuned pack on all the data it was tuned on (optimistic).'),
  numbers: z.array(TunedNumberSchema).describe('Every tunable number of the pack, changed or not.'),
  curves: z.array(CurveSchema),
}));

export type Objective = z.infer<typeof ObjectiveSchema>;
export type Score = z.infer<typeof ScoreSchema>;
export type TunableRef = z.infer<typeof TunableRefSchema>;
export type TunedNumber = z.infer<typeof TunedNumberSchema>;
export type Curve = z.infer<typeof CurveSchema>;
export type TuneReport = z.infer<typeof TuneReportSchema>;

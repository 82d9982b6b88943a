import type { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { EventTypeSchema } from './rule-pack';

const Scalar = lazySchema((z) => z.union([z.string(), z.number(), z.boolean(), z.null()]));
const FactValue = lazySchema((z) => z.union([Scalar, z.array(Scalar)]));

/** One condition of a rule as evaluated: the fact's value, and whether it held (absent when not reached). */
export type ConditionOutcome =
  | {
      fact: string;
      operator: string;
      value: unknown;
      factValue?: unknown;
      result?: boolean | undefined;
    }
  | { all: ConditionOutcome[]; result?: boolean | undefined }
  | { any: ConditionOutcome[]; result?: boolean | undefined }
  | { not: ConditionOutcome; result?: boolean | undefined };

// The recursion names the schema itself, not its stand-in: zod's JSON Schema output tracks
// recursive schemas by identity.
export const ConditionOutcomeSchema: z.ZodType<ConditionOutcome> = lazySchema((z) => {
  const condition: z.ZodType<ConditionOutcome> = z.lazy(() =>
    z.union([
      z.object({ all: z.array(condition), result: z.boolean().optional() }),
      z.object({ any: z.array(condition), result: z.boolean().optional() }),
      z.object({ not: condition, result: z.boolean().optional() }),
      z.object({
        fact: z.string(),
        operator: z.string(),
        value: z.unknown(),
        factValue: z.unknown().optional(),
        result: z.boolean().optional(),
      }),
    ]),
  );
  return condition;
});

export const RuleOutcomeSchema = lazySchema((z) => z.strictObject({
  rule: z.string(),
  event: EventTypeSchema,
  fired: z.boolean(),
  conditions: ConditionOutcomeSchema,
}));

/** Why the decision is what it is: every fact's value and every rule's outcome on the latest message. */
export const TraceSchema = lazySchema((z) => z.strictObject({
  /** User turn (from 1) of the latest evaluation; 0 before any user message. */
  turn: z.number().int().min(0),
  messageIndex: z.number().int().min(0),
  facts: z.record(z.string(), FactValue.or(z.unknown())),
  rules: z.array(RuleOutcomeSchema),
  /** Plain-language account of the decision, one line per step. */
  notes: z.array(z.string()),
}));

export type RuleOutcome = z.infer<typeof RuleOutcomeSchema>;
export type Trace = z.infer<typeof TraceSchema>;

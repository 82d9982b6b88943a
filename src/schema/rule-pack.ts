import { z } from 'zod';
import { ATTRIBUTE_FACT_PREFIX, FactNameSchema } from './facts';
import { PrioritySchema } from './decision';

/** json-rules-engine's built-in operators plus the ones this library adds. */
export const OperatorSchema = z.enum([
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  'containsAny',
]);

const FactReferenceSchema = z.string().refine(
  (name) => FactNameSchema.safeParse(name).success || /^attributes\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/.test(name),
  { message: `expected a known fact name or ${ATTRIBUTE_FACT_PREFIX}<key>` },
);

const LeafConditionSchema = z.strictObject({
  fact: FactReferenceSchema,
  operator: OperatorSchema,
  value: z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(z.union([z.string(), z.number(), z.boolean()])),
    z.strictObject({ fact: FactReferenceSchema }),
  ]),
  priority: z.number().int().min(1).optional(),
});

export type LeafCondition = z.infer<typeof LeafConditionSchema>;
export type Condition =
  | LeafCondition
  | { all: Condition[]; priority?: number | undefined }
  | { any: Condition[]; priority?: number | undefined }
  | { not: Condition; priority?: number | undefined };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1), priority: z.number().int().min(1).optional() }),
    z.strictObject({ any: z.array(ConditionSchema).min(1), priority: z.number().int().min(1).optional() }),
    z.strictObject({ not: ConditionSchema, priority: z.number().int().min(1).optional() }),
    LeafConditionSchema,
  ]),
);

export const TopConditionSchema = z.union([
  z.strictObject({ all: z.array(ConditionSchema).min(1) }),
  z.strictObject({ any: z.array(ConditionSchema).min(1) }),
  z.strictObject({ not: ConditionSchema }),
]);

const EscalateEventSchema = z.strictObject({
  type: z.literal('escalate'),
  params: z.strictObject({
    /** Stable machine-readable reason, e.g. `human_request`. */
    reason: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected snake_case, e.g. human_request'),
    priority: PrioritySchema,
    queue: z.string().min(1).optional(),
    /** Overrides the customer message for this reason. */
    message: z.string().min(1).optional(),
  }),
});

const RouteEventSchema = z.strictObject({
  type: z.literal('route'),
  params: z.strictObject({ queue: z.string().min(1) }),
});

const SuppressEventSchema = z.strictObject({
  type: z.literal('suppress'),
  params: z.strictObject({ reason: z.string().min(1) }),
});

export const EventTypeSchema = z.enum(['escalate', 'route', 'suppress']);

export const RuleEventSchema = z.discriminatedUnion('type', [EscalateEventSchema, RouteEventSchema, SuppressEventSchema]);

export const RuleSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected kebab-case, e.g. explicit-human-request'),
  description: z.string().min(1),
  /** json-rules-engine priority: higher runs first. */
  priority: z.number().int().min(1).optional(),
  conditions: TopConditionSchema,
  event: RuleEventSchema,
});

export const RulePackSchema = z.strictObject({
  rules: z.array(RuleSchema),
});

export type Operator = z.infer<typeof OperatorSchema>;
export type RuleEvent = z.infer<typeof RuleEventSchema>;
export type EventType = z.infer<typeof EventTypeSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type RulePack = z.infer<typeof RulePackSchema>;

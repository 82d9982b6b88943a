import type { z } from 'zod';
import { lazySchema, zodForBuilders } from './lazy-schema';
import { ATTRIBUTE_FACT_PREFIX, FACTS } from './facts';
import { PrioritySchema } from './decision';
import type { RiskWeights } from '../decision/risk';

/** json-rules-engine's built-in operators plus the ones this library adds. */
export type Operator = z.infer<typeof OperatorSchema>;

export const OperatorSchema = lazySchema((z) => z.enum([
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
]));

const EscalateEventSchema = lazySchema((z) => z.strictObject({
  type: z.literal('escalate'),
  params: z.strictObject({
    /** Stable machine-readable reason, e.g. `human_request`. */
    reason: z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected snake_case, e.g. human_request'),
    priority: PrioritySchema,
    queue: z.string().min(1).optional(),
    /** Overrides the customer message for this reason. */
    message: z.string().min(1).optional(),
  }),
}));

const RouteEventSchema = lazySchema((z) => z.strictObject({
  type: z.literal('route'),
  params: z.strictObject({ queue: z.string().min(1) }),
}));

const SuppressEventSchema = lazySchema((z) => z.strictObject({
  type: z.literal('suppress'),
  params: z.strictObject({ reason: z.string().min(1) }),
}));

export const EventTypeSchema = lazySchema((z) => z.enum(['escalate', 'route', 'suppress']));

export const RuleEventSchema = lazySchema((z) => z.discriminatedUnion('type', [EscalateEventSchema, RouteEventSchema, SuppressEventSchema]));

const ATTRIBUTE_FACT = /^attributes\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/** True for a built-in fact name or an `attributes.<key>` fact. */
export function isKnownFactName(name: string): boolean {
  // FactNameSchema's own test, without loading zod for it: its values are the keys of FACTS.
  return Object.hasOwn(FACTS, name) || ATTRIBUTE_FACT.test(name);
}

export type LeafCondition = {
  fact: string;
  operator: Operator;
  value: string | number | boolean | null | (string | number | boolean)[] | { fact: string };
  priority?: number | undefined;
  tunable?: Tunable | undefined;
};
export type Condition =
  | LeafCondition
  | { all: Condition[]; priority?: number | undefined }
  | { any: Condition[]; priority?: number | undefined }
  | { not: Condition; priority?: number | undefined };

/**
 * Marks a condition's number as one `tune` may change, within [min, max] in steps of `step`
 * from `min`. json-rules-engine ignores the key; tuning never touches anything else.
 */
export const TunableSchema = lazySchema((z) => z
  .strictObject({
    min: z.number().describe('The lowest value tuning may try.'),
    max: z.number().describe('The highest value tuning may try.'),
    step: z.number().positive().describe('The grid step, counted from min.'),
  })
  .refine((t) => t.min <= t.max, { message: 'expected min <= max' })
  .refine((t) => (t.max - t.min) / t.step <= 1000, { message: 'expected at most 1000 steps between min and max' }));
export type Tunable = z.infer<typeof TunableSchema>;

/**
 * The rule and pack schemas for a given set of custom fact names (declared with
 * `createEscalator({ facts })`): a rule may name a built-in fact, `attributes.<key>`, or one
 * of those. The exported `RuleSchema` and `RulePackSchema` allow no custom fact.
 */
export function ruleSchemasFor(customFacts: ReadonlySet<string>) {
  const z = zodForBuilders();
  const message =
    customFacts.size === 0
      ? `expected a known fact name or ${ATTRIBUTE_FACT_PREFIX}<key>`
      : `expected a known fact name, ${ATTRIBUTE_FACT_PREFIX}<key> or a declared custom fact (${[...customFacts].join(', ')})`;
  const factReference = z.string().refine((name) => isKnownFactName(name) || customFacts.has(name), { message });
  const leaf = z.strictObject({
    fact: factReference,
    operator: OperatorSchema,
    value: z.union([
      z.string(),
      z.number(),
      z.boolean(),
      z.null(),
      z.array(z.union([z.string(), z.number(), z.boolean()])),
      z.strictObject({ fact: factReference }),
    ]),
    priority: z.number().int().min(1).optional(),
    tunable: TunableSchema.optional(),
  });
  const condition: z.ZodType<Condition> = z.lazy(() =>
    z.union([
      z.strictObject({ all: z.array(condition).min(1), priority: z.number().int().min(1).optional() }),
      z.strictObject({ any: z.array(condition).min(1), priority: z.number().int().min(1).optional() }),
      z.strictObject({ not: condition, priority: z.number().int().min(1).optional() }),
      leaf,
    ]),
  );
  const top = z.union([
    z.strictObject({ all: z.array(condition).min(1) }),
    z.strictObject({ any: z.array(condition).min(1) }),
    z.strictObject({ not: condition }),
  ]);
  const rule = z.strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected kebab-case, e.g. explicit-human-request'),
    description: z.string().min(1),
    /** json-rules-engine priority: higher runs first. */
    priority: z.number().int().min(1).optional(),
    conditions: top,
    event: RuleEventSchema,
  });
  return { condition, top, rule, pack: z.strictObject({ rules: z.array(rule) }) };
}

let builtInSchemas: ReturnType<typeof ruleSchemasFor> | undefined;
const builtIn = () => (builtInSchemas ??= ruleSchemasFor(new Set()));
export const ConditionSchema = lazySchema(() => builtIn().condition);
export const TopConditionSchema = lazySchema(() => builtIn().top);
export const RuleSchema = lazySchema(() => builtIn().rule);
export const RulePackSchema = lazySchema(() => builtIn().pack);

export type RuleEvent = z.infer<typeof RuleEventSchema>;
export type EventType = z.infer<typeof EventTypeSchema>;
export type Rule = z.infer<typeof RuleSchema>;
/** A validated pack; one loaded from a folder also carries the weights of its `risk-weights.json`, if any. */
export type RulePack = z.infer<typeof RulePackSchema> & { readonly riskWeights?: RiskWeights | undefined };

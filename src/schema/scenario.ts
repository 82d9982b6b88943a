import type { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { ConversationSchema } from './conversation';
import { EnvironmentSchema } from './environment';
import { ActionSchema, PrioritySchema } from './decision';
import { RulePackSchema } from './rule-pack';

const turn = lazySchema((z) => z.number().int().min(1));

/** What a scenario expects of the decision after the whole conversation, and of its timing. */
export const ExpectationSchema = lazySchema((z) => z.strictObject({
  escalate: z.boolean().describe('Whether the decision after the last message escalates.'),
  action: ActionSchema.optional().describe('The decision action after the last message.'),
  priority: PrioritySchema.optional().describe('The decision priority after the last message.'),
  queue: z.string().min(1).optional().describe('The queue after the last message.'),
  /** The exact set of reason codes (`params.reason` of the fired rules), in any order. */
  reasons: z
    .array(z.string().min(1))
    .optional()
    .describe('The exact set of reason codes (params.reason of the rules that escalated), in any order.'),
  /** The user turn (from 1) at which the escalation in force after the last message started (`decision.triggeredAtTurn`). */
  turn: turn.optional().describe('The user turn (from 1) at which the escalation in force after the last message started (decision.triggeredAtTurn).'),
  /**
   * The first escalation anywhere in the conversation must come no earlier than `earliest` and no
   * later than `latest` (user turns from 1, inclusive): premature and late escalation both fail.
   */
  turnWindow: z
    .strictObject({ earliest: turn.optional(), latest: turn.optional() })
    .refine((w) => w.earliest === undefined || w.latest === undefined || w.earliest <= w.latest, {
      message: 'expected earliest to be at or before latest',
    })
    .optional()
    .describe('The first escalation must come no earlier than earliest and no later than latest (user turns from 1, inclusive).'),
}));

/** A conversation with its expected decision: the format of `fixtures/*.json` and of `warm-handoff test`. */
export const ScenarioSchema = lazySchema((z) => z.strictObject({
  $schema: z.string().optional().describe('The JSON Schema of this format, for editors (docs/scenario.schema.json); ignored by the runner.'),
  name: z.string().min(1).describe('A short, unique name, printed on the PASS/FAIL line.'),
  description: z.string().min(1).describe('What the scenario shows and why the expectation is right.'),
  conversation: ConversationSchema,
  environment: EnvironmentSchema.optional().describe('Agents, queues, business hours and now; none means no availability information.'),
  /**
   * The rule pack to evaluate with: a path to a pack folder or JSON file, relative to the scenario
   * file's folder, or an inline pack `{ "rules": [...] }`. Absent: the runner's pack (the default one).
   */
  rules: z
    .union([z.string().min(1), RulePackSchema])
    .optional()
    .describe("A rule pack folder or file relative to this scenario's folder, or an inline pack { rules: [...] }. Default: the runner's pack."),
  expect: ExpectationSchema,
}));

export type Expectation = z.infer<typeof ExpectationSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;
/** What a scenario file may hold, before defaults. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;

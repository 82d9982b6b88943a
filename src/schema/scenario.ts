import { z } from 'zod';
import { ConversationSchema } from './conversation';
import { EnvironmentSchema } from './environment';
import { ActionSchema, PrioritySchema } from './decision';

/** What a scenario expects of the decision after the whole conversation. */
export const ExpectationSchema = z.strictObject({
  escalate: z.boolean(),
  action: ActionSchema.optional(),
  priority: PrioritySchema.optional(),
  queue: z.string().min(1).optional(),
  /** The exact set of reason codes (`params.reason` of the fired rules), in any order. */
  reasons: z.array(z.string().min(1)).optional(),
  /** The user turn (from 1) at which escalation first triggered. */
  turn: z.number().int().min(1).optional(),
  /** Escalation must first trigger no earlier than `earliest` and no later than `latest`. */
  turnWindow: z
    .strictObject({ earliest: z.number().int().min(1).optional(), latest: z.number().int().min(1).optional() })
    .optional(),
});

/** A conversation with its expected decision: the format of `fixtures/*.json`. */
export const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  conversation: ConversationSchema,
  environment: EnvironmentSchema.optional(),
  expect: ExpectationSchema,
});

export type Expectation = z.infer<typeof ExpectationSchema>;
export type Scenario = z.infer<typeof ScenarioSchema>;

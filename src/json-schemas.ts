import { unwrapSchema, zod } from './schema/lazy-schema';
import { HandoffPacketSchema } from './schema/packet';
import { ScenarioSchema } from './schema/scenario';
import { ConversationSchema } from './schema/conversation';
import { DecisionSchema } from './schema/decision';

/** JSON Schema (draft 2020-12) of the handoff packet, for agent desks and other languages. */
export function packetJsonSchema(): Record<string, unknown> {
  return zod().toJSONSchema(unwrapSchema(HandoffPacketSchema), { io: 'output' }) as Record<string, unknown>;
}

/** JSON Schema (draft 2020-12) of a decision, `result.decision`. */
export function decisionJsonSchema(): Record<string, unknown> {
  return zod().toJSONSchema(unwrapSchema(DecisionSchema), { io: 'output' }) as Record<string, unknown>;
}

/** JSON Schema of a scenario file (`fixtures/*.json`), for editors and other tools. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return zod().toJSONSchema(unwrapSchema(ScenarioSchema), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** JSON Schema of a conversation, the input of `evaluate`. */
export function conversationJsonSchema(): Record<string, unknown> {
  return zod().toJSONSchema(unwrapSchema(ConversationSchema), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

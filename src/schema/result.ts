import { z } from 'zod';
import { DecisionSchema } from './decision';
import { HandoffPacketSchema } from './packet';
import { TraceSchema } from './trace';

/** What one evaluation returns: the decision, the packet when escalating, and the trace. */
export const EvaluationResultSchema = z.strictObject({
  decision: DecisionSchema,
  packet: HandoffPacketSchema.optional(),
  trace: TraceSchema,
});

export type EvaluationResult = z.infer<typeof EvaluationResultSchema>;

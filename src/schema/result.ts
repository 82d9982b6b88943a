import type { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { DecisionSchema } from './decision';
import { HandoffPacketSchema } from './packet';
import { TraceSchema } from './trace';

/** What one evaluation returns: the decision, the packet when escalating, and the trace. */
export const EvaluationResultSchema = lazySchema((z) => z.strictObject({
  decision: DecisionSchema,
  packet: HandoffPacketSchema.optional(),
  trace: TraceSchema,
}));

export type EvaluationResult = z.infer<typeof EvaluationResultSchema>;

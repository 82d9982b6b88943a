import type { z } from 'zod';
import { lazySchema } from './lazy-schema';

const count = lazySchema((z) => z.number().int().min(0));
const clock = lazySchema((z) => z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day as HH:MM'));

export const QueueStatusSchema = lazySchema((z) => z.strictObject({
  agentsAvailable: count,
  estimatedWaitSeconds: z.number().min(0).finite().optional(),
  queuePosition: count.optional(),
  /** False when the queue is closed whatever the business hours say. */
  open: z.boolean().optional(),
}));

export const OpeningSpanSchema = lazySchema((z) => z.strictObject({ open: clock, close: clock }));

export const WeekdaySchema = lazySchema((z) => z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']));

export const BusinessHoursSchema = lazySchema((z) => z.strictObject({
  /** IANA time zone, e.g. `Europe/Paris`. */
  timeZone: z.string().min(1).refine(isTimeZone, 'expected an IANA time zone such as Europe/Paris'),
  /** Opening spans per weekday in local time; a missing day is closed. */
  weekly: z.partialRecord(WeekdaySchema, z.array(OpeningSpanSchema)),
  /** Local dates (YYYY-MM-DD) on which the desk is closed. */
  holidays: z.array(z.iso.date()).optional(),
}));

export const EnvironmentSchema = lazySchema((z) => z.strictObject({
  /** The current time, ISO 8601 with offset. The library reads no clock of its own. */
  now: z.iso.datetime({ offset: true }).optional(),
  /** Agents free across all queues, when the desk reports no per-queue figures. */
  agentsAvailable: count.optional(),
  queues: z.record(z.string().min(1), QueueStatusSchema).optional(),
  businessHours: BusinessHoursSchema.optional(),
  /** The bot reports a technical failure of its own (a crashed backend, a timeout): escalate, never loop back. */
  botError: z.union([z.boolean(), z.strictObject({ code: z.string().optional(), message: z.string().optional() })]).optional(),
}));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type QueueStatus = z.infer<typeof QueueStatusSchema>;
export type BusinessHours = z.infer<typeof BusinessHoursSchema>;
export type Weekday = z.infer<typeof WeekdaySchema>;
export type Environment = z.infer<typeof EnvironmentSchema>;
export type EnvironmentInput = z.input<typeof EnvironmentSchema>;

import type { Customer } from '../schema/conversation';
import type { Environment, QueueStatus, Weekday } from '../schema/environment';
import type { Priority } from '../schema/decision';
import { nextOpening } from './business-hours';

/** How a callback can be arranged when no one is free to chat. */
export interface CallbackPolicy {
  /** Channels on which the customer's number is known from the line itself. @default ['voice', 'phone', 'ivr', 'sms', 'whatsapp'] */
  readonly numberKnownOn: readonly string[];
  /** Offer a callback and ask for a number when none is known (else a ticket). @default false */
  readonly askForNumber: boolean;
}

export const DEFAULT_CALLBACK_POLICY: CallbackPolicy = Object.freeze({
  numberKnownOn: Object.freeze(['voice', 'phone', 'ivr', 'sms', 'whatsapp']),
  askForNumber: false,
});

export interface Availability {
  readonly action: 'handoff' | 'callback' | 'ticket';
  /** Why this action, for the trace. */
  readonly because: string;
  readonly queue: string;
  /** The desk or queue is closed now (not merely busy). */
  readonly closed: boolean;
  /** For a callback: the number is known (else the customer is asked for one). */
  readonly phoneKnown: boolean;
  readonly waitSeconds?: number | undefined;
  readonly queuePosition?: number | undefined;
  /** When the desk opens next, when it is closed and business hours say. */
  readonly opening?: { daysAhead: number; weekday: Weekday; time: string } | undefined;
}

function queueStatus(env: Environment, queue: string): QueueStatus | undefined {
  return env.queues?.[queue] ?? env.queues?.['general'];
}

/**
 * How to reach a person (the table in the README, "Availability"):
 * - the queue is open and has an agent free, or the environment does not say: `handoff`;
 * - it is open with no agent free: `handoff` for an urgent reason when the queue gives a wait
 *   (the customer waits in it), else a callback when a number is known or may be asked for,
 *   else a ticket;
 * - it is closed (business hours, holiday, `open: false`): a callback or a ticket, for every priority.
 */
export function chooseAction(input: {
  readonly queue: string;
  readonly priority: Priority;
  readonly environment: Environment;
  readonly withinBusinessHours: boolean;
  /** Treat the queue as having no one free (a customer who waited too long). */
  readonly noAgentFree?: boolean | undefined;
  readonly customer?: Customer | undefined;
  readonly channel?: string | undefined;
  readonly callback?: CallbackPolicy | undefined;
}): Availability {
  const env = input.environment;
  const status = queueStatus(env, input.queue);
  const agents = input.noAgentFree === true ? 0 : (status?.agentsAvailable ?? env.agentsAvailable);
  const closed = !input.withinBusinessHours || status?.open === false;
  const wait = { waitSeconds: status?.estimatedWaitSeconds, queuePosition: status?.queuePosition };
  const base = { queue: input.queue, closed, phoneKnown: false };
  if (!closed && agents !== 0) {
    const because = agents === undefined ? 'availability not given: hand off' : `${agents} agent(s) free in '${input.queue}'`;
    return { ...base, action: 'handoff', because, ...wait };
  }
  if (!closed && input.priority === 'urgent' && status?.estimatedWaitSeconds !== undefined) {
    return { ...base, action: 'handoff', because: `no agent free in '${input.queue}', but an urgent reason waits in its queue`, ...wait };
  }
  const why = closed ? 'closed now' : `no agent free in '${input.queue}'`;
  const policy = input.callback ?? DEFAULT_CALLBACK_POLICY;
  const channel = (input.channel ?? '').toLowerCase();
  const phoneKnown = input.customer?.phone !== undefined || policy.numberKnownOn.includes(channel);
  const opening =
    closed && env.businessHours !== undefined && env.now !== undefined ? (nextOpening(env.businessHours, env.now) ?? undefined) : undefined;
  if (phoneKnown || policy.askForNumber) {
    const how = phoneKnown ? 'the number is known' : 'the customer is asked for a number';
    return { ...base, action: 'callback', because: `${why}: callback, ${how}`, phoneKnown, opening };
  }
  return { ...base, action: 'ticket', because: `${why}: ticket, no number to call back`, opening };
}

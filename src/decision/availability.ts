import type { Customer } from '../schema/conversation';
import type { Environment, QueueStatus } from '../schema/environment';

/** Channels on which the customer can simply be called back on the line they use. */
const VOICE_CHANNELS: ReadonlySet<string> = new Set(['voice', 'phone', 'ivr']);

export interface Availability {
  readonly action: 'handoff' | 'callback' | 'ticket';
  /** Why this action, for the trace. */
  readonly because: string;
  readonly waitSeconds?: number | undefined;
  readonly queuePosition?: number | undefined;
}

function queueStatus(env: Environment, queue: string): QueueStatus | undefined {
  return env.queues?.[queue] ?? env.queues?.['general'];
}

/**
 * Chooses how to reach a person: a live handoff when the target queue is open with an agent
 * free (or the environment does not say), else a callback when a number is known or the
 * channel is a call, else a ticket.
 */
export function chooseAction(input: {
  readonly queue: string;
  readonly environment: Environment;
  readonly withinBusinessHours: boolean;
  readonly customer?: Customer | undefined;
  readonly channel?: string | undefined;
}): Availability {
  const status = queueStatus(input.environment, input.queue);
  const agents = status?.agentsAvailable ?? input.environment.agentsAvailable;
  const closed = !input.withinBusinessHours || status?.open === false;
  if (!closed && agents !== 0) {
    return {
      action: 'handoff',
      because: agents === undefined ? 'availability not given: hand off' : `${agents} agent(s) available in '${input.queue}'`,
      waitSeconds: status?.estimatedWaitSeconds,
      queuePosition: status?.queuePosition,
    };
  }
  const why = closed ? 'outside business hours' : `no agent available in '${input.queue}'`;
  const reachable = input.customer?.phone !== undefined || VOICE_CHANNELS.has((input.channel ?? '').toLowerCase());
  return reachable
    ? { action: 'callback', because: `${why}, and the customer can be called back` }
    : { action: 'ticket', because: `${why}, and no number to call back` };
}

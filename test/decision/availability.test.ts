import { chooseAction, DEFAULT_CALLBACK_POLICY } from '../../src/decision/availability';
import type { Priority } from '../../src/schema/decision';

const base = { queue: 'fraud', priority: 'normal' as Priority, withinBusinessHours: true };

// The README's availability table, row by row.
describe('choosing the action', () => {
  it('hands off when the queue has an agent, with its wait', () => {
    const a = chooseAction({ ...base, environment: { queues: { fraud: { agentsAvailable: 2, estimatedWaitSeconds: 150, queuePosition: 3 } } } });
    expect(a).toMatchObject({ action: 'handoff', waitSeconds: 150, queuePosition: 3, closed: false });
  });

  it('hands off when the environment says nothing about availability', () => {
    expect(chooseAction({ ...base, environment: {} }).action).toBe('handoff');
  });

  it('falls back to the general queue, then to the global count', () => {
    expect(chooseAction({ ...base, environment: { queues: { general: { agentsAvailable: 0 } } } }).action).toBe('ticket');
    expect(chooseAction({ ...base, environment: { agentsAvailable: 0 } }).action).toBe('ticket');
  });

  it('offers a callback when nobody is free and a number is known or can be asked for', () => {
    const env = { agentsAvailable: 0 };
    expect(chooseAction({ ...base, environment: env, customer: { phone: '+44 20 7946 0000' } })).toMatchObject({ action: 'callback', phoneKnown: true });
    expect(chooseAction({ ...base, environment: env, channel: 'voice' }).action).toBe('callback');
    expect(chooseAction({ ...base, environment: env, channel: 'whatsapp' }).action).toBe('callback');
    expect(chooseAction({ ...base, environment: env, channel: 'web' }).action).toBe('ticket');
    const ask = { ...DEFAULT_CALLBACK_POLICY, askForNumber: true };
    expect(chooseAction({ ...base, environment: env, channel: 'web', callback: ask })).toMatchObject({ action: 'callback', phoneKnown: false });
  });

  it('sends an urgent reason to its queue even when everyone there is busy', () => {
    const env = { queues: { fraud: { agentsAvailable: 0, estimatedWaitSeconds: 600 } } };
    expect(chooseAction({ ...base, priority: 'urgent', environment: env })).toMatchObject({ action: 'handoff', waitSeconds: 600 });
    expect(chooseAction({ ...base, priority: 'high', environment: env }).action).toBe('ticket');
    // With no wait given, nobody is there to queue for: the usual fallback.
    expect(chooseAction({ ...base, priority: 'urgent', environment: { queues: { fraud: { agentsAvailable: 0 } } } }).action).toBe('ticket');
  });

  it('does not hand off outside business hours or to a closed queue, whatever the priority', () => {
    expect(chooseAction({ ...base, priority: 'urgent', withinBusinessHours: false, environment: { agentsAvailable: 5 } })).toMatchObject({ action: 'ticket', closed: true });
    expect(chooseAction({ ...base, environment: { queues: { fraud: { agentsAvailable: 3, open: false } } } }).action).toBe('ticket');
  });

  it('says when the desk opens next when it is closed', () => {
    const environment = {
      now: '2026-11-28T20:00:00Z', // a Saturday evening in London
      businessHours: { timeZone: 'Europe/London', weekly: { mon: [{ open: '09:00', close: '17:00' }] } },
    };
    expect(chooseAction({ ...base, withinBusinessHours: false, environment }).opening).toEqual({ daysAhead: 2, weekday: 'mon', time: '09:00' });
  });

  it('falls back when the customer waited too long for a non-urgent reason', () => {
    const env = { agentsAvailable: 3 };
    expect(chooseAction({ ...base, noAgentFree: true, environment: env, channel: 'sms' }).action).toBe('callback');
  });
});

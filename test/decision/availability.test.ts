import { chooseAction } from '../../src/decision/availability';
import { customerMessage, waitInWords } from '../../src/decision/messages';

describe('choosing the action', () => {
  const base = { queue: 'fraud', withinBusinessHours: true };

  it('hands off when the queue has an agent, with its wait', () => {
    const a = chooseAction({ ...base, environment: { queues: { fraud: { agentsAvailable: 2, estimatedWaitSeconds: 150 } } } });
    expect(a).toMatchObject({ action: 'handoff', waitSeconds: 150 });
  });

  it('hands off when the environment says nothing about availability', () => {
    expect(chooseAction({ ...base, environment: {} }).action).toBe('handoff');
  });

  it('falls back to the general queue, then to the global count', () => {
    expect(chooseAction({ ...base, environment: { queues: { general: { agentsAvailable: 0 } } } }).action).toBe('ticket');
    expect(chooseAction({ ...base, environment: { agentsAvailable: 0 } }).action).toBe('ticket');
  });

  it('offers a callback when nobody is free and a number is known', () => {
    const env = { agentsAvailable: 0 };
    expect(chooseAction({ ...base, environment: env, customer: { phone: '+44 20 7946 0000' } }).action).toBe('callback');
    expect(chooseAction({ ...base, environment: env, channel: 'voice' }).action).toBe('callback');
    expect(chooseAction({ ...base, environment: env, channel: 'web' }).action).toBe('ticket');
  });

  it('does not hand off outside business hours or to a closed queue', () => {
    expect(chooseAction({ ...base, withinBusinessHours: false, environment: { agentsAvailable: 5 } }).action).toBe('ticket');
    expect(chooseAction({ ...base, environment: { queues: { fraud: { agentsAvailable: 3, open: false } } } }).action).toBe('ticket');
  });
});

describe('customer messages', () => {
  it('renders waits in words, rounding up', () => {
    expect(waitInWords(30)).toBe('less than a minute');
    expect(waitInWords(61)).toBe('about 2 minutes');
    expect(waitInWords(180)).toBe('about 3 minutes');
    expect(waitInWords(5400)).toBe('about 1.5 hours');
  });

  it('never promises an immediate person when the wait is unknown', () => {
    const text = customerMessage({ action: 'handoff', because: '' });
    expect(text).toMatch(/can't tell exactly how long/);
    expect(text).not.toMatch(/right away|immediately|now connecting/i);
  });

  it('gives the wait and queue position when known', () => {
    expect(customerMessage({ action: 'handoff', because: '', waitSeconds: 170, queuePosition: 4 }, 'Ana')).toBe(
      "Ana, I'm passing you to a member of our team. The wait is about 3 minutes. You are number 4 in line. They will see our conversation so far, so you won't need to repeat yourself.",
    );
  });

  it('is honest about callbacks and tickets', () => {
    expect(customerMessage({ action: 'callback', because: '' })).toMatch(/^No one from our team is free.*call you back/);
    expect(customerMessage({ action: 'ticket', because: '' })).toMatch(/get back to you in writing/);
  });
});

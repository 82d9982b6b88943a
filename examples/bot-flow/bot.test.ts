import { basename, join } from 'node:path';
import 'warm-handoff/jest'; // registers the matchers and the packet snapshot serializer
import { conversation, replay, runScenario, scenarioFiles } from 'warm-handoff/testing';
import { createBot, FALLBACK } from './bot';

/** Plays the customer's lines through the bot and returns the conversation it recorded. */
async function chat(lines: readonly string[], options: Parameters<typeof createBot>[0] = {}) {
  const bot = createBot(options);
  const turns = [];
  for (const line of lines) turns.push(await bot.reply(line));
  return { conversation: conversation('bot-flow').messages(bot.transcript), turns };
}

describe('the escalation policy, on hand-written conversations', () => {
  it('keeps a simple order question with the bot', async () => {
    const conv = conversation()
      .user('hello')
      .intent('greeting', 0.95)
      .bot('Hello! What can I do for you today?')
      .user('where is my order?')
      .intent('order_status', 0.9)
      .bot('Your order is on its way: you can follow it from the Orders page.');
    await expect(conv).not.toEscalate();
  });

  it('hands over at once when the customer asks for a person', async () => {
    const conv = conversation()
      .customer({ name: 'Sam' })
      .user('hello')
      .bot('Hello! How can I help?')
      .user('I want to talk to a human');
    await expect(conv).toEscalateWith({ reason: 'human_request', priority: 'high', action: 'handoff' });
    await expect(conv).toEscalateAtTurn(2);
  });

  it('opens a ticket instead when no agent is free', async () => {
    const conv = conversation().env({ agentsAvailable: 0 }).user('can I talk to a human please');
    await expect(conv).toEscalateWith({ action: 'ticket' });
  });

  it('gives the bot two tries: hands over at turn 3 or 4, never before', async () => {
    const conv = conversation()
      .user('hello')
      .bot('Hello! How can I help?')
      .user('my flux capacitor is wobbling')
      .botFallback(FALLBACK)
      .user('the flux capacitor, the one in the car')
      .botFallback(FALLBACK);
    await expect(conv).toEscalateBetweenTurns(3, 4);
    await expect(conv).toEscalateWith({ reason: 'bot_failure' });

    const turns = await replay(conv);
    expect(turns.map((t) => t.decision.escalate)).toEqual([false, false, true]);
  });
});

describe('the bot itself', () => {
  it('answers what it knows and never hands over', async () => {
    const { conversation: conv, turns } = await chat(['hi', 'where is my parcel?', 'what are your opening hours?']);
    expect(turns.map((t) => t.handoff)).toEqual([null, null, null]);
    await expect(conv).not.toEscalate();
  });

  it('hands over after its second fallback, with the handoff message', async () => {
    const { conversation: conv, turns } = await chat(['hi', 'my flux capacitor is wobbling', 'the flux capacitor, the one in the car']);
    await expect(conv).toEscalateAtTurn(3);
    expect(turns[2]?.replies).toEqual([FALLBACK, expect.stringMatching(/^I'm passing you to a member of our team/)]);
    expect(turns[2]?.handoff).toMatchObject({ action: 'handoff', queue: 'general', priority: 'normal' });
  });

  it('promises a written answer, not a live chat, when the desk has no one free', async () => {
    const desk = { agentsAvailable: 0 };
    const { conversation: conv, turns } = await chat(['hi', 'can I talk to a human please'], { environment: desk });
    expect(turns[1]?.handoff?.action).toBe('ticket');
    expect(turns[1]?.replies).toEqual([expect.stringContaining('they will get back to you in writing')]);
    await expect(conv.env(desk)).toEscalateWith({ reason: 'human_request', action: 'ticket' });
  });

  it('hands the agent a packet that snapshots the same on every run', async () => {
    // The bot stamps messages with its clock and a random conversation id; the serializer
    // from warm-handoff/jest replaces them (and createdAt) with placeholders.
    const { turns } = await chat(['hi', 'my parcel 88123 has not arrived', 'I want to speak to a real person']);
    const packet = turns[2]?.handoff?.packet;
    expect(packet?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(packet).toMatchSnapshot({
      // Scores from the message analysis: checked for shape, not value.
      decision: { risk: expect.any(Number) },
      sentiment: expect.any(Object),
      frustration: expect.any(Object),
      summary: { keyPoints: expect.any(Array) },
      suggestedOpening: expect.any(String),
    });
  });
});

describe('scenario files', () => {
  const files = scenarioFiles([join(__dirname, 'scenarios')]).map((file) => [basename(file), file]);
  it.each(files)('%s', async (_name, file) => {
    const outcome = await runScenario(file);
    expect(outcome.problems).toEqual([]);
  });
});

import type { ConversationInput } from '../../src/schema/conversation';
import type { OutcomeInput } from '../../src/feedback/outcome';

// A labelled set where one fact decides the label: the bot's technical failure (`error: true`
// on its reply) comes before every turn agents said needed a person, and never otherwise.
// The wording is the same on both sides, so no other feature tells them apart.

const QUESTIONS = [
  'where is my parcel',
  'when does my contract end',
  'how do I update my address',
  'what is my current balance',
  'can I change my delivery day',
  'how much is the monthly plan',
  'is my order on its way',
  'when is my next bill due',
];

/** `n` conversations that broke (outcome `missed`, no ideal turn) and `n` that did not (`unneeded`). */
export function botErrorSet(n = 12): { conversations: ConversationInput[]; outcomes: OutcomeInput[] } {
  const conversations: ConversationInput[] = [];
  const outcomes: OutcomeInput[] = [];
  for (let i = 0; i < n; i++) {
    const question = QUESTIONS[i % QUESTIONS.length]!;
    for (const broken of [true, false]) {
      const id = `${broken ? 'broken' : 'fine'}-${i}`;
      conversations.push({
        id,
        messages: [
          { role: 'user', text: question },
          { role: 'bot', text: 'Let me look that up for you.', ...(broken ? { error: true } : {}) },
          { role: 'user', text: 'ok' },
        ],
      });
      outcomes.push({ conversationId: id, outcome: broken ? 'missed' : 'unneeded' });
    }
  }
  return { conversations, outcomes };
}

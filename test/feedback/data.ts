import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConversationInput } from '../../src/schema/conversation';
import type { OutcomeInput } from '../../src/feedback/outcome';

// Hand-made logs for the measure tests. The pack reads only facts that do not depend on the
// text analysis (an attribute, the bots' fallback flags, the turn count), so every escalation
// turn below is known by construction and each figure of the report can be computed by hand.

const intent = (name: string) => ({ name, confidence: 0.95 });

export const PACK = {
  rules: [
    {
      name: 'flagged',
      description: 'The CRM flagged the customer for a person.',
      conditions: { all: [{ fact: 'attributes.flagged', operator: 'equal', value: true }] },
      event: { type: 'escalate', params: { reason: 'flagged', priority: 'high' } },
    },
    {
      name: 'fallback-twice',
      description: 'The bot failed twice in a row.',
      conditions: { all: [{ fact: 'bot.consecutiveFallbacks', operator: 'greaterThanInclusive', value: 2 }] },
      event: { type: 'escalate', params: { reason: 'bot_failure', priority: 'normal' } },
    },
    {
      name: 'long-conversation',
      description: 'Four customer turns without an answer.',
      conditions: { all: [{ fact: 'turns.user', operator: 'greaterThanInclusive', value: 4 }] },
      event: { type: 'escalate', params: { reason: 'long', priority: 'low' } },
    },
  ],
} as const;

const SORRY = 'Sorry, I did not get that.';

export const CONVERSATIONS: ConversationInput[] = [
  // Escalates at turn 1 (flagged). Outcome needed, ideal turn 1: tp, offset 0.
  {
    id: 'c1',
    attributes: { flagged: true },
    messages: [
      { role: 'user', text: 'Hello, a question about my invoice', intent: intent('billing') },
      { role: 'bot', text: 'Here is a summary of your invoice.' },
    ],
  },
  // Two fallbacks in a row: escalates on the bot message of turn 3. Outcome late, ideal turn 2: tp, offset +1.
  {
    id: 'c2',
    messages: [
      { role: 'user', text: 'I moved and need to change my delivery address', intent: intent('address_change') },
      { role: 'bot', text: 'Please type the new address.' },
      { role: 'user', text: 'Flat 2, 10 Baker Street', intent: intent('address_change') },
      { role: 'bot', text: SORRY, fallback: true },
      { role: 'user', text: 'Flat 2 at 10 Baker Street in London', intent: intent('address_change') },
      { role: 'bot', text: SORRY, fallback: true },
    ],
  },
  // Escalates at turn 4 (long-conversation). Outcome unneeded: fp.
  {
    id: 'c3',
    messages: [
      { role: 'user', text: 'hello there', intent: intent('small_talk') },
      { role: 'bot', text: 'Hello! How can I help?' },
      { role: 'user', text: 'just looking around', intent: intent('small_talk') },
      { role: 'bot', text: 'Take your time.' },
      { role: 'user', text: 'nice weather today', intent: intent('small_talk') },
      { role: 'bot', text: 'Anything else I can help with?' },
      { role: 'user', text: 'maybe later', intent: intent('small_talk') },
    ],
  },
  // Never escalates. Outcome missed, ideal turn 2: fn, not escalated.
  {
    id: 'c4',
    messages: [
      { role: 'user', text: 'my invoice total looks odd', intent: intent('billing') },
      { role: 'bot', text: 'Your invoice is in your account page.' },
      { role: 'user', text: 'ok I will look there', intent: intent('billing') },
    ],
  },
  // Never escalates. Outcome unneeded: tn.
  {
    id: 'c5',
    messages: [
      { role: 'user', text: 'when do you open on saturdays', intent: intent('opening_hours') },
      { role: 'bot', text: 'We open at 9 on Saturdays.' },
    ],
  },
  // Card numbers in a bot reply and a customer message; two fallbacks: escalates at turn 3. No outcome.
  {
    id: 'c6',
    messages: [
      { role: 'user', text: 'I would like to update my payment card', intent: intent('billing') },
      { role: 'bot', text: 'I found the card 4111 1111 1111 1111 on file. Please confirm.' },
      { role: 'user', text: 'yes, 4111 1111 1111 1111 is the card', intent: intent('confirm') },
      { role: 'bot', text: SORRY, fallback: true },
      { role: 'user', text: 'yes that one', intent: intent('confirm') },
      { role: 'bot', text: SORRY, fallback: true },
    ],
  },
];

export const OUTCOMES: OutcomeInput[] = [
  { conversationId: 'c1', outcome: 'needed', idealTurn: 1, resolvedBy: 'agent' },
  { conversationId: 'c2', outcome: 'late', idealTurn: 2, resolvedBy: 'agent', note: 'should have gone to a person after the first miss' },
  { conversationId: 'c3', outcome: 'unneeded', resolvedBy: 'bot' },
  { conversationId: 'c4', outcome: 'missed', idealTurn: 2 },
  { conversationId: 'c5', outcome: 'unneeded' },
  { conversationId: 'ghost', outcome: 'needed' },
];

export const toJsonl = (values: readonly unknown[]): string => `${values.map((v) => JSON.stringify(v)).join('\n')}\n`;

/** Writes the pack (one file per rule), the logs and the outcomes into `dir`, as a team would have them on disk. */
export function writeMeasureFiles(dir: string): { rules: string; logs: string; outcomes: string } {
  const rules = join(dir, 'rules');
  mkdirSync(rules);
  for (const rule of PACK.rules) writeFileSync(join(rules, `${rule.name}.json`), JSON.stringify(rule));
  const logs = join(dir, 'logs.jsonl');
  const outcomes = join(dir, 'outcomes.jsonl');
  writeFileSync(logs, toJsonl(CONVERSATIONS));
  writeFileSync(outcomes, toJsonl(OUTCOMES));
  return { rules, logs, outcomes };
}

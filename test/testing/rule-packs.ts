import { createEscalator } from '../../src/escalator';
import { parseRulePack } from '../../src/rules/parse-pack';

/**
 * Rules over facts the message analysis does not touch (fallback flags, turn counts, tier,
 * value), so the tests of the testing kit do not move when the analysis is retuned.
 */
export const pack = parseRulePack([
  {
    content: {
      rules: [
        {
          name: 'second-fallback',
          description: 'The bot failed twice in a row.',
          conditions: { all: [{ fact: 'bot.consecutiveFallbacks', operator: 'greaterThanInclusive', value: 2 }] },
          event: { type: 'escalate', params: { reason: 'bot_failure', priority: 'normal' } },
        },
        {
          name: 'vip-long-chat',
          description: 'A VIP has been with the bot for four turns.',
          conditions: {
            all: [
              { fact: 'customer.tier', operator: 'equal', value: 'vip' },
              { fact: 'turns.user', operator: 'greaterThanInclusive', value: 4 },
            ],
          },
          event: { type: 'escalate', params: { reason: 'vip_long_chat', priority: 'high', queue: 'priority' } },
        },
        {
          name: 'big-spender',
          description: 'A customer worth 1000 or more.',
          conditions: { all: [{ fact: 'customer.value', operator: 'greaterThanInclusive', value: 1000 }] },
          event: { type: 'escalate', params: { reason: 'high_value', priority: 'high', queue: 'priority' } },
        },
      ],
    },
  },
]);

export const escalator = createEscalator({ rules: pack });

/** A bot reply that reads as a real answer, not as a fallback. */
export const ANSWER = 'Your parcel arrives on Tuesday.';

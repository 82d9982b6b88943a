import { createEscalator } from '../src/escalator';
import { DecisionSchema } from '../src/schema/decision';
import { HandoffPacketSchema } from '../src/schema/packet';
import type { Message } from '../src/schema/conversation';
import { bot, user } from './helpers';

/*
 * Hostile messages through the whole pipeline (analysis, facts, rules, decision, and the packet
 * when one is built). Each test only asserts that the evaluation finishes, within jest's
 * timeout, with a valid decision: how long it takes is measured by `npm run bench`, never here
 * (shared machines are too noisy for timing assertions). The limits are raised far above the
 * defaults so the analysis really runs on every character.
 */

const MB = 1 << 20;
const escalator = createEscalator({ limits: { maxMessageChars: 4 * MB, maxTotalChars: 16 * MB, maxMessages: 20_000 } });

const oneMegabyte = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

const hostileMessages: [string, string][] = [
  ['1 MB of one letter', oneMegabyte('a')],
  ['1 MB of one capital letter', oneMegabyte('A')],
  ['1 MB of spaces', oneMegabyte(' ')],
  ['1 MB of one digit', oneMegabyte('7')],
  ['1 MB of newlines', oneMegabyte('\n')],
  ['1 MB of "!"', oneMegabyte('!')],
  ['1 MB of "?!"', oneMegabyte('?!')],
  ['1 MB of "."', oneMegabyte('.')],
  ['1 MB of "(("', oneMegabyte('(')],
  ['1 MB of ":)"', oneMegabyte(':)')],
  ['1 MB of "!?" with spaces', oneMegabyte('! ? ')],
  ['1 MB of "-"', oneMegabyte('-')],
  ['1 MB of "\'"', oneMegabyte("'")],
  ['1 MB of "@"', oneMegabyte('@')],
  ['1 MB of "a@"', oneMegabyte('a@')],
  ['1 MB of "http://"', oneMegabyte('http://')],
  ['1 MB of "a-"', oneMegabyte('a-')],
  ['1 MB of "a "', oneMegabyte('a ')],
  ['1 MB of "a." (letters typed one by one)', oneMegabyte('a.')],
  ['1 MB of "h u m a n "', oneMegabyte('h u m a n ')],
  ['1 MB of "4111 "', oneMegabyte('4111 ')],
  ['1 MB of "password is "', oneMegabyte('password is ')],
  ['1 MB of "code: 1"', oneMegabyte('code: 1')],
  ['1 MB of "DE89"', oneMegabyte('DE89')],
  ['1 MB of "not "', oneMegabyte('not ')],
  ['1 MB of "you are "', oneMegabyte('you are ')],
  ['1 MB of "talk to "', oneMegabyte('talk to ')],
  ['1 MB of "fuck "', oneMegabyte('fuck ')],
  ['1 MB of "sooo"', oneMegabyte('so') + 'o'.repeat(10)],
  ['100k emoji', '😡'.repeat(100_000)],
  ['100k emoji with skin tones', '👍🏽'.repeat(100_000)],
  ['100k ZWJ family emoji', '👨‍👩‍👧'.repeat(20_000)],
  ['1 MB of zero-width spaces', oneMegabyte('\u200b')],
  ['1 MB of right-to-left overrides', oneMegabyte('\u202e')],
  ['zalgo: letters under 30 combining marks each', `h${'\u0336\u0301\u0332'.repeat(10)}`.repeat(30_000)],
  ['1 MB of full-width letters', oneMegabyte('\uff41')],
  ['1 MB of Arabic', oneMegabyte('مرحبا ')],
  ['lone surrogates', oneMegabyte('\ud83d')],
  // One real entity switches on HTML-entity decoding; then every "&" is looked at.
  ['1 MB of "&" after one "&amp;"', `&amp; ${oneMegabyte('&')}`],
  ['1 MB of "&gt;"', oneMegabyte('&gt;')],
  ['1 MB of "&am" after one "&lt;"', `&lt; ${oneMegabyte('&am')}`],
];

describe('adversarial messages finish, with a valid decision', () => {
  it.each(hostileMessages)('%s', async (_name, text) => {
    const result = await escalator.evaluate({ id: 'adv', messages: [user('hello'), bot('Hi! How can I help?'), user(text)] });
    expect(DecisionSchema.parse(result.decision)).toEqual(result.decision);
  }, 60_000);

  it('a request for a person after 1 MB of noise escalates, and its packet builds', async () => {
    const result = await escalator.evaluate({ id: 'adv', messages: [user(`I want to talk to a human. ${oneMegabyte('blah ')}`)] });
    expect(result.decision.escalate).toBe(true);
    const packet = HandoffPacketSchema.parse(result.packet);
    expect(packet.transcript[0]?.text.length).toBeGreaterThan(MB);
  }, 60_000);

  it('10,000 turns finish, in one evaluate and pushed one by one to a session', async () => {
    const messages: Message[] = Array.from({ length: 10_000 }, (_, i) =>
      i % 2 === 0 ? user(i % 10 === 0 ? 'this is useless!!!' : `question ${i} about my bill`) : bot(`Answer ${i}.`),
    );
    const result = await escalator.evaluate({ id: 'long', messages });
    expect(result.trace.facts['turns.total']).toBe(10_000);
    const session = escalator.session({ conversationId: 'long' });
    let last;
    for (const m of messages) last = await session.push(m);
    expect(last?.decision).toEqual(result.decision);
  }, 120_000);
});

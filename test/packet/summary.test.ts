import { botAttempts, buildSummary, countBotFailures, customerIssue, isBareGreeting, keyPoints } from '../../src/packet/summary';
import type { PacketInput } from '../../src/packet/types';
import type { Message } from '../../src/schema/conversation';
import { analysis, bot, decision, reason, user } from './factories';

const texts = (messages: readonly Message[]): string[] => messages.map((message) => message.text);

function input(messages: readonly Message[], overrides: Partial<PacketInput> = {}): PacketInput {
  return {
    conversationId: 'c-1',
    messages,
    analyses: messages.map(() => analysis()),
    decision: decision({ reasons: [] }),
    frustration: { score: 0, level: 'none' },
    sentimentTrend: 0,
    ...overrides,
  };
}

describe('isBareGreeting', () => {
  it.each(['hi', 'Hello!', 'hey there', 'Good morning :)', 'ok thanks', '', '👋'])('"%s" carries no issue', (text) => {
    expect(isBareGreeting(text)).toBe(true);
  });
  it.each(['hi, my parcel is lost', 'refund', 'hello I need help with my bill'])('"%s" carries content', (text) => {
    expect(isBareGreeting(text)).toBe(false);
  });
});

describe('customerIssue', () => {
  it('skips bare greetings and bot messages and uses the first user message with content', () => {
    const messages = [bot('Hi, how can I help?'), user('hello'), user('My parcel never arrived and the tracking page is blank.'), user('any news?')];
    expect(customerIssue(messages, texts(messages))).toBe('My parcel never arrived and the tracking page is blank.');
  });

  it('adds the next user message when the first is very short', () => {
    const messages = [user('refund'), bot('What would you like a refund for?'), user('I was charged twice for order 123')];
    expect(customerIssue(messages, texts(messages))).toBe('refund. I was charged twice for order 123');
  });

  it('uses the redacted texts it is given', () => {
    const messages = [user('my card 4111 1111 1111 1111 was charged twice')];
    expect(customerIssue(messages, ['my card [card] was charged twice'])).toBe('my card [card] was charged twice');
  });

  it('trims a long issue to about 300 characters on a word boundary', () => {
    const long = `The app crashes ${'every single time I open the settings page '.repeat(20)}`;
    const issue = customerIssue([user(long)], [long]);
    expect(issue.length).toBeLessThanOrEqual(300);
    expect(issue.length).toBeGreaterThan(250);
    expect(issue.endsWith('…')).toBe(true);
    expect(long.startsWith(issue.slice(0, -1))).toBe(true);
    expect(long.charAt(issue.length - 1)).toBe(' ');
  });

  it('falls back to the greeting when the customer said nothing else, and to "" without user messages', () => {
    expect(customerIssue([user('hi')], ['hi'])).toBe('hi');
    expect(customerIssue([bot('Hello!')], ['Hello!'])).toBe('');
  });
});

describe('botAttempts', () => {
  it('lists distinct intents and replies in order and marks fallbacks', () => {
    const messages = [
      user('where is my order', { intent: { name: 'track_order', confidence: 0.9 } }),
      bot('Your order is on its way.'),
      user('it is not, it is lost', { intent: { name: 'track_order', confidence: 0.7 } }),
      bot('Your order is on its way!'),
      user('LOST'),
      bot("Sorry, I didn't get that.", { fallback: true }),
      user('agent'),
      bot("Sorry, I didn't get that.", { fallback: true }),
      bot('I can only help with orders.'),
    ];
    const analyses = messages.map((_, index) => (index === 8 ? analysis({ botFailure: 'text' }) : analysis()));
    expect(botAttempts(messages, analyses, texts(messages))).toEqual([
      'Recognised intent "track_order"',
      'Said "Your order is on its way."',
      'Said "Sorry, I didn\'t get that." (did not understand)',
      'Said "I can only help with orders." (did not understand)',
    ]);
  });

  it('shortens long replies and lists at most 12 attempts', () => {
    const messages = Array.from({ length: 20 }, (_, index) => bot(`Reply number ${index} ${'with many words '.repeat(10)}`));
    const attempts = botAttempts(messages, messages.map(() => analysis()), texts(messages));
    expect(attempts).toHaveLength(12);
    expect(attempts[11]).toBe('…and 9 more');
    for (const line of attempts.slice(0, 11)) expect(line.length).toBeLessThanOrEqual(100 + 'Said ""'.length);
  });
});

describe('keyPoints', () => {
  it('derives topics, human requests, failures, repeats, sentiment, frustration and reasons', () => {
    const messages = [
      user('someone used my card, I see charges I never made'),
      bot('I can help with payments.'),
      user('I see charges I never made on my card'),
      bot('Sorry?', { fallback: true }),
      user('let me talk to a person'),
      bot('Sorry?', { fallback: true }),
      user('a human NOW'),
    ];
    const analyses = [
      analysis({ score: -0.3, topics: [['fraud', 'charges I never made']], tokens: ['someon', 'card', 'charg', 'never', 'made'] }),
      analysis(),
      analysis({ score: -0.4, topics: [['fraud', 'never made']], tokens: ['charg', 'never', 'made', 'card'] }),
      analysis({ botFailure: 'flag' }),
      analysis({ score: -0.5, humanRequest: true, tokens: ['talk', 'person'] }),
      analysis({ botFailure: 'flag' }),
      analysis({ score: -0.8, humanRequest: true, signals: [['shouting', 'NOW']], tokens: ['human'] }),
    ];
    const points = keyPoints(
      input(messages, {
        analyses,
        decision: decision({
          reasons: [
            reason({ description: 'Possible fraud must go to a person.' }),
            reason({ rule: 'x', description: 'Possible fraud must go to a person.' }),
            reason({ rule: 'y', reason: 'bot_loop', description: '' }),
          ],
        }),
        frustration: { score: 0.71, level: 'high' },
        sentimentTrend: -0.25,
      }),
    );
    expect(points).toEqual([
      'Sensitive topic: fraud (turn 1)',
      'Asked for a person at turns 3 and 4',
      'Bot failed 2 times',
      'Customer repeated themselves (turn 2 repeats turn 1)',
      'Sentiment worsening (trend -0.25), last turn negative (-0.80)',
      'Frustration high (0.71): shouting',
      'Escalated: Possible fraud must go to a person.',
      'Escalated: bot_loop',
    ]);
  });

  it('says little about a calm conversation', () => {
    const messages = [user('what are your opening hours?'), bot('9 to 5.'), user('thanks, that solved it')];
    const analyses = [analysis({ score: 0 }), analysis(), analysis({ score: 0.5, resolution: true })];
    expect(keyPoints(input(messages, { analyses, sentimentTrend: 0.3 }))).toEqual([
      'Sentiment improving (trend +0.30), last turn positive (+0.50)',
      'Said the problem was solved at turn 2',
    ]);
  });
});

describe('buildSummary', () => {
  it('redacts the issue and the bot replies when no redacted texts are given', () => {
    const messages = [user('my password is hunter2 and it fails'), bot('Did you mean password hunter2?')];
    const summary = buildSummary(input(messages));
    expect(summary.issue).toBe('my password is [password] and it fails');
    expect(summary.botAttempts).toEqual(['Said "Did you mean password [password]?"']);
    expect(JSON.stringify(summary)).not.toContain('hunter2');
  });
});

describe('countBotFailures', () => {
  it('counts failed exchanges once each: a low-confidence reading or a fallback reply', () => {
    const messages = [
      user('asdf'),
      bot('Sorry?', { fallback: true }),
      bot('Could you rephrase?', { fallback: true }),
      user('my bill'),
      bot('Here is your bill.'),
      user('wrong bill'),
      bot('I did not understand.'),
    ];
    const analyses = [
      analysis({ botFailure: 'low_confidence' }),
      analysis({ botFailure: 'flag' }),
      analysis({ botFailure: 'flag' }),
      analysis(),
      analysis(),
      analysis(),
      analysis({ botFailure: 'text' }),
    ];
    expect(countBotFailures(messages, analyses)).toBe(2);
    expect(countBotFailures(messages, messages.map(() => analysis()))).toBe(1);
  });
});

import { detectTopics } from '../../src/analysis/topics';
import type { SensitiveTopic } from '../../src/schema/analysis';

const topics = (text: string): SensitiveTopic[] => detectTopics(text).map((t) => t.topic);

describe('detectTopics', () => {
  it.each<[string, SensitiveTopic]>([
    ['my card was stolen', 'fraud'],
    ['I lost my credit card', 'fraud'],
    ['there are charges I didn\'t make', 'fraud'],
    ['I see an unauthorised transaction', 'fraud'],
    ['there is an unrecognized charge on my statement', 'fraud'],
    ['I think this is a scam', 'fraud'],
    ['someone used my card in another country', 'fraud'],
    ["I don't recognise these payments", 'fraud'],
    ["There are three payments to an online electronics shop that I didn't make.", 'fraud'],
    ['my account was hacked', 'account_compromise'],
    ['someone logged into my account', 'account_compromise'],
    ['my password was changed without my permission', 'account_compromise'],
    ['I think my account is compromised', 'account_compromise'],
    ["I've been locked out by someone", 'account_compromise'],
    ["I didn't change my password", 'account_compromise'],
    ['my husband passed away last month', 'bereavement'],
    ['my mother died in March', 'bereavement'],
    ["there's been a death in the family", 'bereavement'],
    ['the account holder is deceased', 'bereavement'],
    ['I need to arrange the funeral', 'bereavement'],
    ['I was widowed last year', 'bereavement'],
    ['my dad passed last week', 'bereavement'],
    ["I'll be contacting my lawyer", 'legal'],
    ['my attorney will be in touch', 'legal'],
    ['I will sue you', 'legal'],
    ['see you in court', 'legal'],
    ["I'm taking legal action", 'legal'],
    ["I'll take this to small claims", 'legal'],
    ["I'm reporting you to the ombudsman", 'legal'],
    ['I have complained to the regulator', 'legal'],
    ['I want to kill myself', 'safety'],
    ['I have been self-harming', 'safety'],
    ['I can smell gas in the kitchen', 'safety'],
    ["there's a gas leak", 'safety'],
    ['the charger caught fire', 'safety'],
    ['I have chest pain', 'safety'],
    ["I can't breathe", 'safety'],
    ['this is an emergency', 'safety'],
    ["I don't feel safe", 'safety'],
    ["I'm in danger", 'safety'],
    ["I'm going to hurt you", 'safety'],
    ['cancel my subscription', 'cancellation'],
    ['I want to close my account', 'cancellation'],
    ['please cancel my netflix subscription', 'cancellation'],
    ['terminate my contract', 'cancellation'],
    ["I'm switching to another provider", 'cancellation'],
    ["I'm leaving.", 'cancellation'],
    ['unsubscribe', 'cancellation'],
    ["I can't cancel my subscription, the button is broken", 'cancellation'],
  ])('finds "%s" as %s', (text, topic) => {
    expect(topics(text)).toContain(topic);
  });

  it.each([
    'my card was not stolen, I just want a new PIN',
    'cancel my order',
    'I want to cancel the order',
    "I'm dying to try it",
    'fire up the app and check',
    'my phone died',
    'my battery is dead',
    'the deadline has passed',
    'he passed the message on',
    'I forgot my password',
    "I'm locked out of my account",
    "It's not an emergency",
    'what is my emergency contact',
    'Sue from billing said it was fine',
    "I don't want to cancel my subscription",
    'how do I unsubscribe from your emails',
    "I'm leaving tomorrow so please deliver today",
    'I need to change my plan to a different one',
    'I lost my order number',
    'this fire tablet is great',
    'is the new plan dangerously cheap',
    'my account is not hacked, I just forgot the code',
    'the payment went through but I did not order the right size',
  ])('finds nothing in "%s"', (text) => {
    expect(detectTopics(text)).toEqual([]);
  });

  it('reports several topics, one match each, in schema order', () => {
    expect(detectTopics('My card was stolen and my account was hacked, I will call my lawyer and cancel my account')).toEqual([
      { topic: 'fraud', excerpt: 'card was stolen' },
      { topic: 'account_compromise', excerpt: 'hacked' },
      { topic: 'legal', excerpt: 'lawyer' },
      { topic: 'cancellation', excerpt: 'cancel my account' },
    ]);
  });

  it('quotes the original words', () => {
    expect(detectTopics('There are 2 charges I DIDN\u2019T make')).toEqual([{ topic: 'fraud', excerpt: 'charges I DIDN\u2019T make' }]);
  });
});

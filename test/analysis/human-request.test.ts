import { detectHumanRequest } from '../../src/analysis/human-request';
import { HumanRequestSchema } from '../../src/schema/analysis';

describe('detectHumanRequest', () => {
  it.each([
    ['talk to a human', 'verb + person'],
    ['I want to talk to a real person', 'verb + person'],
    ['speak to your manager', 'verb + person'],
    // Discourse markers before the request do not turn it into a story.
    ['actually I need to speak to a manager', 'verb + person'],
    ['to be honest, I would rather talk to a person', 'verb + person'],
    ['let me talk to someone', 'verb + person'],
    ['Can I speak with an agent?', 'verb + person'],
    ["Hi, I'd really like to talk to a human please", 'verb + person'],
    ["Why can't I talk to a person?", 'verb + person'],
    ['is there a way to talk to a human', 'verb + person'],
    ['I need to speak to someone', 'verb + person'],
    ['agent please', 'person + please'],
    ['hi, human please', 'person + please'],
    ['operator', 'bare person'],
    ['AGENT!!!', 'bare person'],
    ['Representative.', 'bare person'],
    ['real person', 'bare person'],
    ['I want a representative', 'want + person'],
    ['Get me a human', 'want + person'],
    ['give me a real person', 'want + person'],
    ['can i get an agent', 'want + person'],
    ['I need help from a real person', 'want + person'],
    ['No, I want a human', 'want + person'],
    ['I want to speak to someone real', 'verb + person'],
    ['connect me with support staff', 'transfer'],
    ['transfer me', 'transfer'],
    ['can you transfer me please', 'transfer'],
    ['put me through to customer service', 'transfer'],
    ['escalate this please', 'transfer'],
    ['is there a live person', 'question'],
    ['Hello? Anyone there?', 'question'],
    ['Could a human look at my mortgage overpayment?', 'person + action'],
    ['can someone help me with this', 'person + action'],
    ['have an agent check my account', 'person + action'],
    ['can someone call me', 'callback'],
    ['call me back', 'callback'],
    ['please call me back', 'callback'],
    ["I'd like a callback", 'callback'],
    ['callback please', 'callback'],
  ])('detects "%s" (%s)', (text, pattern) => {
    const result = detectHumanRequest(text);
    expect(result.detected).toBe(true);
    expect(result.pattern).toBe(pattern);
  });

  it.each([
    "I don't need a human",
    'no need for an agent',
    'human resources',
    'I want to talk to human resources',
    'are you a bot?',
    'are you human?',
    'Is this a real person?',
    'am I talking to a human?',
    'my travel agent booked it',
    'the person at the store said it was fine',
    'I spoke to an agent yesterday and they said it would be refunded',
    'I talked to a human already',
    'human error',
    'it was a human error on my side',
    'he told me to talk to an agent',
    'I asked to speak to a manager yesterday and nobody came',
    'they said they would call me back',
    "don't transfer me",
    'please do not transfer me to an agent',
    'Please don\'t call me',
    'Call me Bob',
    'my agent is handling it',
    'I need someone to fix my router',
    'someone here told me to wait',
    "I'm a real estate agent",
    'what does an agent do',
    'I want to transfer money to my savings',
    'where is my order',
    'they said someone would look at it',
    'I asked if someone could check it last week',
    'could you look at my bill',
  ])('ignores "%s"', (text) => {
    expect(detectHumanRequest(text)).toEqual({ detected: false });
  });

  it('quotes the words that asked, from the original text', () => {
    expect(detectHumanRequest("Ugh. Can't I just talk to a human?? This is useless")).toEqual({
      detected: true,
      excerpt: "Can't I just talk to a human",
      pattern: 'verb + person',
    });
    expect(detectHumanRequest('OK, I WANT A REAL PERSON NOW')).toMatchObject({ excerpt: 'I WANT A REAL PERSON' });
  });

  it('finds a request in a later clause after a denial', () => {
    expect(detectHumanRequest("I don't want the FAQ, agent please").detected).toBe(true);
  });

  it('returns schema-valid results', () => {
    for (const text of ['agent please', 'hello']) {
      const result = detectHumanRequest(text);
      expect(HumanRequestSchema.parse(result)).toEqual(result);
    }
  });
});

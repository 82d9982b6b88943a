import { conversation, isConversationBuilder, DEFAULT_CONVERSATION_ID } from '../../src/testing/builder';
import { ConversationSchema } from '../../src/schema/conversation';
import { ValidationError } from '../../src/errors';

describe('conversation() builder', () => {
  it('builds the conversation of the issue, as a valid ConversationInput', () => {
    const built = conversation().customer({ tier: 'vip' }).user('hi').bot('Hello!').botFallback('Sorry?').user('agent please').build();
    expect(built).toEqual({
      id: DEFAULT_CONVERSATION_ID,
      customer: { tier: 'vip' },
      messages: [
        { role: 'user', text: 'hi' },
        { role: 'bot', text: 'Hello!' },
        { role: 'bot', text: 'Sorry?', fallback: true },
        { role: 'user', text: 'agent please' },
      ],
    });
    expect(ConversationSchema.safeParse(built).success).toBe(true);
  });

  it('sets id, channel, locale, merged customer and attributes, and every role', () => {
    const built = conversation('c-9')
      .channel('whatsapp')
      .locale('en-GB')
      .customer({ name: 'Ana' })
      .customer({ tier: 'gold' })
      .attributes({ plan: 'pro' })
      .attributes({ region: 'eu' })
      .system('session started')
      .user('hello', { timestamp: '2026-05-01T10:00:00Z' })
      .agent('Hi Ana, Lee here.')
      .botFallback()
      .build();
    expect(built).toEqual({
      id: 'c-9',
      channel: 'whatsapp',
      locale: 'en-GB',
      customer: { name: 'Ana', tier: 'gold' },
      attributes: { plan: 'pro', region: 'eu' },
      messages: [
        { role: 'system', text: 'session started' },
        { role: 'user', text: 'hello', timestamp: '2026-05-01T10:00:00Z' },
        { role: 'agent', text: 'Hi Ana, Lee here.' },
        { role: 'bot', text: "Sorry, I didn't get that.", fallback: true },
      ],
    });
  });

  it('puts .intent() on the latest user message, even after bot replies', () => {
    const built = conversation().user('first').user('where is my order').bot('Let me check.').intent('order_status', 0.8).build();
    expect(built.messages[0]).toEqual({ role: 'user', text: 'first' });
    expect(built.messages[1]).toEqual({ role: 'user', text: 'where is my order', intent: { name: 'order_status', confidence: 0.8 } });
  });

  it('refuses .intent() before any user message, naming the problem', () => {
    expect(() => conversation().bot('Hello!').intent('greeting', 0.9)).toThrow(ValidationError);
    expect(() => conversation().bot('Hello!').intent('greeting', 0.9)).toThrow(
      "Invalid conversation: 1 problem\n  messages: expected a user message before .intent('greeting'), found none",
    );
  });

  it('validates on build(), with every bad path', () => {
    expect(() => conversation().user('hi').intent('greeting', 1.5).build()).toThrow(/messages\[0\]\.intent\.confidence/);
    expect(() => conversation().build()).toThrow(/^Invalid conversation: 1 problem\n {2}messages:/);
  });

  it('is immutable: branches from one base do not see each other', () => {
    const base = conversation().user('hi');
    const a = base.user('agent please');
    const b = base.botFallback('Sorry?');
    expect(base.build().messages).toHaveLength(1);
    expect(a.build().messages.map((m) => m.role)).toEqual(['user', 'user']);
    expect(b.build().messages.map((m) => m.role)).toEqual(['user', 'bot']);
    expect(Object.isFrozen(base)).toBe(true);
  });

  it('holds an environment for replay and the matchers, and counts user turns', () => {
    const c = conversation().env({ agentsAvailable: 0 }).user('a').bot('b').user('c');
    expect(c.environment).toEqual({ agentsAvailable: 0 });
    expect(conversation().environment).toBeUndefined();
    expect(c.userTurns).toBe(2);
  });

  it('adds recorded messages as they are, and serialises to the conversation', () => {
    const transcript = [
      { role: 'user' as const, text: 'hi' },
      { role: 'bot' as const, text: 'Hello!', fallback: false },
    ];
    const c = conversation('rec').messages(transcript).user('bye');
    expect(JSON.parse(JSON.stringify(c))).toEqual({ id: 'rec', messages: [...transcript, { role: 'user', text: 'bye' }] });
    expect(isConversationBuilder(c)).toBe(true);
    expect(isConversationBuilder(c.build())).toBe(false);
    expect(isConversationBuilder(null)).toBe(false);
  });
});

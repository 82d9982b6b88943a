const { conversation } = require('warm-handoff/testing');

test('the matchers are there without any import', async () => {
  await expect(conversation().user('hi').botFallback().user('hmm').botFallback()).toEscalateWith({ reason: 'bot_failure' });
  await expect(conversation().user('hi')).not.toEscalate();
});

test('a failing matcher explains itself', async () => {
  await expect(expect(conversation().user('hi')).toEscalate()).rejects.toThrow(/Expected: the conversation escalates\nReceived: continue/);
});

test('the packet serializer is registered', () => {
  const packet = { version: 1, conversationId: 'run-8f2c', createdAt: '2026-05-04T09:00:00Z', customer: { id: null, name: null, tier: null }, transcript: [], suggestedOpening: 'Hi' };
  expect(packet).toMatchInlineSnapshot(`
{
  "conversationId": "<conversationId>",
  "createdAt": "<createdAt>",
  "customer": {
    "id": null,
    "name": null,
    "tier": null,
  },
  "suggestedOpening": "Hi",
  "transcript": [],
  "version": 1,
}
`);
});

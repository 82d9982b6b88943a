const { expect, test } = require('@jest/globals');
const { conversation } = require('warm-handoff/testing');

test('registered on the expect of @jest/globals when globals are not injected', async () => {
  expect(typeof globalThis.expect).toBe('undefined');
  await expect(conversation().user('hi').botFallback().user('hmm').botFallback()).toEscalateAtTurn(2);
});

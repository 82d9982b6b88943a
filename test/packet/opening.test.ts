import { suggestOpening, type OpeningInput } from '../../src/packet/opening';

const base: OpeningInput = {
  customerName: null,
  issue: 'My parcel never arrived and the tracking page is blank.',
  topics: [],
  entities: [],
  negative: false,
  botFailed: false,
};

describe('suggestOpening', () => {
  it('greets by first name and acknowledges the issue in the customer words', () => {
    expect(suggestOpening({ ...base, customerName: 'maria lopez' })).toBe(
      "Hi Maria, thanks for waiting. I'm from the support team and I've read your conversation so far about " +
        "\"My parcel never arrived and the tracking page is blank\". You don't need to repeat anything: I'll take it from here.",
    );
  });

  it('greets generically without a usable name, and keeps an honorific with the surname', () => {
    expect(suggestOpening(base).startsWith('Hi there, ')).toBe(true);
    expect(suggestOpening({ ...base, customerName: 'user123@example.com' }).startsWith('Hi there, ')).toBe(true);
    expect(suggestOpening({ ...base, customerName: 'Dr. Jane Doe' }).startsWith('Hi Dr. Doe, ')).toBe(true);
  });

  it('names a sensitive topic instead of quoting, and an order id when there is one', () => {
    expect(suggestOpening({ ...base, topics: ['fraud'] })).toContain('about the activity on your account that you did not recognise.');
    const order = { kind: 'orderId' as const, value: 'A12345', turn: 1, messageIndex: 0 };
    expect(suggestOpening({ ...base, entities: [order] })).toContain('about your order A12345.');
  });

  it('apologises when the bot failed or the customer was upset, and offers condolences on bereavement', () => {
    expect(suggestOpening(base)).not.toContain('sorry');
    expect(suggestOpening({ ...base, botFailed: true })).toContain("I'm sorry our assistant couldn't sort this out for you.");
    expect(suggestOpening({ ...base, negative: true })).toContain("I'm sorry for the trouble.");
    expect(suggestOpening({ ...base, topics: ['bereavement'], negative: true })).toContain("I'm so sorry for your loss.");
  });

  it('never echoes a redaction placeholder and never asks the customer to repeat', () => {
    const opening = suggestOpening({ ...base, issue: 'Hi, I was charged twice on my card [card] yesterday', negative: true });
    expect(opening).toContain('about "I was charged twice on my card".');
    expect(opening).not.toMatch(/\[(card|cvv|iban|ssn|password|otp)\]/);
    expect(opening).not.toMatch(/could you (tell|explain|repeat|describe)|what (is|was) the (issue|problem)/i);
  });

  it('omits the quote when too little of the issue is left to quote', () => {
    expect(suggestOpening({ ...base, issue: '[card] charged' })).toContain('conversation so far. ');
  });

  it('is deterministic', () => {
    expect(suggestOpening({ ...base, customerName: 'Ana' })).toBe(suggestOpening({ ...base, customerName: 'Ana' }));
  });
});

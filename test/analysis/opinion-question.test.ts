import { asksForDislikes } from '../../src/analysis/opinion-question';

describe('asksForDislikes', () => {
  it.each([
    ['Which colours did you not like?', true],
    ["Why didn't you enjoy the tasting menu?", true],
    ['Is there a brand you dislike?', true],
    ['Which films do you hate most?', true],
    ['Please tell me about the features you never use because you hate them.', true],
    ['Anything about the new layout that bothers you?', true],
    ['Which plan would you like?', false],
    ['Why do you like the premium tier?', false],
    ['Sorry, I could not find that order. Anything else?', false],
    ['We avoid fees where we can.', false],
    ['I did not like to keep you waiting. Your refund is on its way.', false],
    ['What went wrong with the delivery?', false],
    ['Is there anything about our app you did not like?', false],
    ['Which of our plans did you not like?', false],
    ['What did you not enjoy about your stay?', false],
    ['Which fees would you like to avoid?', false],
    ['What was the worst part?', false],
  ])('"%s" asks what the customer dislikes: %s', (text, expected) => {
    expect(asksForDislikes(text)).toBe(expected);
  });
});

import { contentTokens } from '../../src/analysis/normalize';
import { isSameReply, takesUpCustomerWords } from '../../src/analysis/same-reply';

const same = (a: string, b: string): boolean => isSameReply(contentTokens(a), contentTokens(b));

describe('isSameReply', () => {
  it('holds for the same reply, word for word or nearly', () => {
    expect(same("Sorry, I didn't get that. Could you say it another way?", "Sorry, I didn't get that. Could you say it another way?")).toBe(true);
    expect(same('Please enter your policy number to continue.', 'Please enter your policy number to continue!')).toBe(true);
    expect(same('Your parcel ref is AB12. Anything else?', 'Your parcel ref is AB12. Anything else?')).toBe(true);
  });

  it('is symmetric: a short question is not repeated by a longer answer that contains its words', () => {
    const question = 'Do you want a window seat or an aisle seat?';
    const answer = 'There are no aisle seats left on that train; I can offer a window seat in coach C or a seat at a table.';
    expect(same(question, answer)).toBe(false);
    expect(same(answer, question)).toBe(false);
    expect(same('Is the parcel lost or late?', 'Sorry your parcel is late. Lost parcels are refunded after ten days, late ones are not.')).toBe(false);
  });

  it('does not hold when a number changed: the bot did what it was asked', () => {
    expect(same('Shall I book a room for 2 guests on 5 May?', 'Shall I book a room for 3 guests on 5 May?')).toBe(false);
    expect(same('Done: your reference is 4471.', 'Done: your reference is 9902.')).toBe(false);
    expect(same('Your total is 20 pounds.', 'Your total is 20 pounds and 50 pence.')).toBe(false);
  });

  it('is false for replies without content words', () => {
    expect(isSameReply([], [])).toBe(false);
    expect(same('Ok.', 'Ok.')).toBe(false);
  });
});

describe('takesUpCustomerWords', () => {
  const takesUp = (previous: string, said: string, next: string): boolean =>
    takesUpCustomerWords(contentTokens(previous), contentTokens(next), contentTokens(said));

  it('holds when the new reply uses a word the customer just said that the old one lacked', () => {
    expect(takesUp('Send the invoice to the office address?', 'no, to my home', 'Send the invoice to the home address?')).toBe(true);
  });

  it('does not hold when the reply ignores what the customer said', () => {
    expect(takesUp('Please type your member number.', 'I gave it already: 55120', 'Please type your member number.')).toBe(false);
    // A word both replies hold is not taken up: the bot had it before the customer spoke.
    expect(takesUp('Which address, office or home?', 'home', 'Which address, office or home?')).toBe(false);
  });
});

import { redactText } from '../../src/packet/redact';

const redacted = (text: string): string => redactText(text).text;

describe('redactText: cards', () => {
  it.each([
    ['4111111111111111', 'visa, one block'],
    ['4111 1111 1111 1111', 'visa, spaces'],
    ['4111-1111-1111-1111', 'visa, dashes'],
    ['5500 0000 0000 0004', 'mastercard'],
    ['3782 822463 10005', 'amex 4-6-5'],
    ['4222222222222', '13 digits'],
    ['6200000000000000000', '19 digits'],
  ])('redacts %s (%s)', (card) => {
    const result = redactText(`my card is ${card} thanks`);
    expect(result.text).toBe('my card is [card] thanks');
    expect(result.counts).toEqual({ card: 1 });
  });

  it('keeps a 16-digit order number that fails Luhn', () => {
    expect(redactText('order 4111111111111112 please').counts).toEqual({});
    expect(redacted('ref 1234 5678 1234 5678')).toBe('ref 1234 5678 1234 5678');
  });

  it('keeps numbers that are too short or too long to be cards', () => {
    expect(redacted('order 411111111111')).toBe('order 411111111111');
    expect(redacted('id 41111111111111110000')).toBe('id 41111111111111110000');
  });

  it('keeps a number glued to letters, which is an identifier', () => {
    expect(redacted('ticket ORD-4111111111111111')).toBe('ticket ORD-4111111111111111');
    expect(redacted('AB4111111111111111')).toBe('AB4111111111111111');
  });

  it('keeps a card-shaped stretch deep inside a longer grouped number', () => {
    expect(redacted('tracking 1234 5678 4111 1111 1111 1111')).toBe('tracking 1234 5678 4111 1111 1111 1111');
  });

  it('redacts two cards and counts both', () => {
    const result = redactText('either 4111111111111111 or 5500-0000-0000-0004');
    expect(result.text).toBe('either [card] or [card]');
    expect(result.counts).toEqual({ card: 2 });
  });
});

describe('redactText: cvv', () => {
  it.each([
    ['cvv 123', 'cvv [cvv]'],
    ['CVC: 987', 'CVC: [cvv]'],
    ['the security code is 4567', 'the security code is [cvv]'],
    ['the 3 digits on the back are 123', 'the 3 digits on the back are [cvv]'],
    ['three digits on the back of my card: 321', 'three digits on the back of my card: [cvv]'],
  ])('redacts an announced code: %s', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  it('redacts 3–4 digits right after a card, keeping the expiry date', () => {
    const result = redactText('4111 1111 1111 1111 exp 12/27 123');
    expect(result.text).toBe('[card] exp 12/27 [cvv]');
    expect(result.counts).toEqual({ card: 1, cvv: 1 });
    expect(redacted('4111111111111111 123')).toBe('[card] [cvv]');
    expect(redacted('4111111111111111, expiry 01/2028, 4321')).toBe('[card], expiry 01/2028, [cvv]');
  });

  it('keeps an expiry date alone after a card, and digits that are not announced', () => {
    expect(redacted('4111 1111 1111 1111 12/27')).toBe('[card] 12/27');
    expect(redacted('I bought 123 items')).toBe('I bought 123 items');
    expect(redacted('cvv 123456')).toBe('cvv 123456');
  });
});

describe('redactText: iban', () => {
  it.each([
    'DE89 3704 0044 0532 0130 00',
    'DE89370400440532013000',
    'GB82 WEST 1234 5698 7654 32',
    'FR14 2004 1010 0505 0001 3M02 606',
    'NL91ABNA0417164300',
    'be68539007547034',
  ])('redacts %s', (iban) => {
    const result = redactText(`my IBAN is ${iban}, thanks`);
    expect(result.text).toBe('my IBAN is [iban], thanks');
    expect(result.counts).toEqual({ iban: 1 });
  });

  it('keeps an IBAN-shaped string whose checksum fails', () => {
    expect(redacted('DE89 3704 0044 0532 0130 01')).toBe('DE89 3704 0044 0532 0130 01');
    expect(redacted('GB82WEST12345698765433')).toBe('GB82WEST12345698765433');
  });

  it('keeps words that start like an IBAN', () => {
    expect(redacted('DE12 is the code of the store')).toBe('DE12 is the code of the store');
  });
});

describe('redactText: ssn', () => {
  it.each(['123-45-6789', '123 45 6789', '078-05-1120'])('redacts a formatted SSN %s', (ssn) => {
    const result = redactText(`it is ${ssn}.`);
    expect(result.text).toBe('it is [ssn].');
    expect(result.counts).toEqual({ ssn: 1 });
  });

  it.each(['000-12-3456', '666-12-3456', '900-12-3456', '123-00-4567', '123-45-0000'])(
    'keeps %s, which no SSN can be',
    (number) => {
      expect(redacted(`it is ${number}`)).toBe(`it is ${number}`);
    },
  );

  it('redacts a bare 9-digit number only when announced as an SSN', () => {
    expect(redacted('ssn 123456789')).toBe('ssn [ssn]');
    expect(redacted('my social security number is 078051120')).toBe('my social security number is [ssn]');
    expect(redacted('my number is 123456789')).toBe('my number is 123456789');
    expect(redacted('order 123456789')).toBe('order 123456789');
  });

  it('keeps phone numbers, which have 3-3-4 digits', () => {
    expect(redacted('call 555-123-4567')).toBe('call 555-123-4567');
  });
});

describe('redactText: password', () => {
  it.each([
    ['my password is hunter2', 'my password is [password]'],
    ['password: Xy!9_a', 'password: [password]'],
    ['pwd = s3cr3t.', 'pwd = [password].'],
    ['passcode 8812', 'passcode [password]'],
    ["my password's Tr0ub4dor&3 ok", "my password's [password] ok"],
    ['Password is Sunshine!', 'Password is [password]!'],
    ['my pin is 0000', 'my pin is [password]'],
  ])('redacts the secret, keeps the announcement: %s', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  it.each([
    'my password is not working',
    'I need a password reset',
    'the password was wrong',
    'I forgot my password and cannot log in',
    "my password isn't accepted",
    'pin the blame on me',
  ])('keeps prose about passwords: %s', (input) => {
    expect(redactText(input)).toEqual({ text: input, counts: {} });
  });
});

describe('redactText: one-time codes', () => {
  it.each([
    ['the code is 482913', 'the code is [otp]'],
    ['OTP 123456', 'OTP [otp]'],
    ['verification code: 9921', 'verification code: [otp]'],
    ['2FA code 334455', '2FA code [otp]'],
    ['my one-time password is 123 456', 'my one-time password is [otp]'],
    ['the security code sent to my phone is 551234', 'the security code sent to my phone is 551234'],
    ['security code 551234', 'security code [otp]'],
  ])('%s', (input, expected) => {
    expect(redacted(input)).toBe(expected);
  });

  it.each([
    'order 123456',
    'my zip code is 90210',
    'error code 500',
    'call me at +1 555-123-4567',
    'call me at (555) 123-4567',
    'it arrived on 2024-05-01',
    'billed on 12/03/2024',
    'I paid $1,234.56 for it',
    'tracking 1Z999AA10123456784',
    'ticket 99812',
  ])('keeps %s untouched', (input) => {
    expect(redactText(input)).toEqual({ text: input, counts: {} });
  });
});

describe('redactText: mixed text', () => {
  it('counts each kind and leaves the rest of the text as typed', () => {
    const input =
      'Card 4111 1111 1111 1111 cvv 123, IBAN DE89370400440532013000, ssn 123-45-6789, ' +
      'password: hunter2 and the code is 482913. Order 123456 on 3 May for $20.';
    const result = redactText(input);
    expect(result.text).toBe(
      'Card [card] cvv [cvv], IBAN [iban], ssn [ssn], password: [password] and the code is [otp]. Order 123456 on 3 May for $20.',
    );
    expect(result.counts).toEqual({ card: 1, cvv: 1, iban: 1, ssn: 1, password: 1, otp: 1 });
  });

  it('is idempotent: redacting redacted text changes nothing', () => {
    const once = redacted('4111 1111 1111 1111 exp 12/27 123, password: hunter2');
    expect(redactText(once)).toEqual({ text: once, counts: {} });
  });

  it('returns text without secrets unchanged', () => {
    expect(redactText('')).toEqual({ text: '', counts: {} });
    expect(redactText('hello, where is my parcel?')).toEqual({ text: 'hello, where is my parcel?', counts: {} });
  });
});

// Speed is measured by `npm run bench`, never asserted here (shared machines are noisy);
// these only prove the worst shapes finish within jest's timeout and stay intact.
describe('redactText: 1 MB adversarial inputs', () => {
  const MB = 1024 * 1024;
  it.each([
    ['one repeated digit', '7'.repeat(MB)],
    ['one repeated space', ' '.repeat(MB)],
    ['one repeated dash', '-'.repeat(MB)],
    ['one repeated letter', 'a'.repeat(MB)],
    ['digits and spaces', '1 '.repeat(MB / 2)],
    ['card-like groups', '4111 '.repeat(MB / 5)],
  ])('%s finishes and leaves no secret-free text changed', (_name, input) => {
    const result = redactText(input);
    expect(result.counts).toEqual({});
    expect(result.text).toBe(input);
  });

  it('a 1 MB run of bare announcements finishes, each taking the next word as the secret', () => {
    const result = redactText('password is '.repeat(MB / 12));
    expect(result.text.startsWith('password is [password] is password is [password]')).toBe(true);
  });
});

import { createEscalator } from '../../src/escalator';
import { isValidationError } from '../../src/errors';
import { redactText } from '../../src/packet/redact';
import { toBotFrameworkHandoff } from '../../src/export/bot-framework';
import { toDialogflowCxLiveAgentHandoff } from '../../src/export/dialogflow-cx';
import { toSunshinePassControl } from '../../src/export/sunshine';
import { toMarkdown, toPlainText } from '../../src/export/text';
import type { RedactionKind } from '../../src/schema/packet';
import { seededRandom } from '../helpers';

/*
 * A generated corpus of secrets and of numbers that only look like them, with a seeded
 * generator so every run sees the same cases. Each case knows its expected redacted text, so
 * the test measures redaction as a classifier: recall (secrets removed) and precision (nothing
 * else removed). Both must be 1.0. Nothing is printed.
 */


const random = seededRandom(20260526);
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');
const pad = (value: number, width: number): string => String(value).padStart(width, '0');

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const BRANDS: readonly { name: string; prefixes: readonly string[]; length: number; groups: readonly (readonly number[])[] }[] = [
  { name: 'visa', prefixes: ['4'], length: 16, groups: [[4, 4, 4, 4], [16]] },
  { name: 'visa-13', prefixes: ['4'], length: 13, groups: [[13]] },
  { name: 'mastercard', prefixes: ['51', '52', '53', '54', '55', '2221', '2720'], length: 16, groups: [[4, 4, 4, 4], [16]] },
  { name: 'amex', prefixes: ['34', '37'], length: 15, groups: [[4, 6, 5], [15]] },
  { name: 'discover', prefixes: ['6011', '65'], length: 16, groups: [[4, 4, 4, 4], [16]] },
  { name: 'diners', prefixes: ['36', '38'], length: 14, groups: [[4, 6, 4], [14]] },
  { name: 'jcb', prefixes: ['35'], length: 16, groups: [[4, 4, 4, 4]] },
  { name: 'unionpay-19', prefixes: ['62'], length: 19, groups: [[4, 4, 4, 4, 3], [19]] },
];

function grouped(number: string, groups: readonly number[], separator: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    parts.push(number.slice(at, at + size));
    at += size;
  }
  return parts.join(separator);
}

/** A Luhn-valid card number of a random brand, as a customer would type it. */
function card(valid = true): string {
  const brand = pick(BRANDS);
  const prefix = pick(brand.prefixes);
  const body = prefix + digits(brand.length - prefix.length - 1);
  const check = luhnCheckDigit(body);
  const last = valid ? check : String((Number(check) + int(1, 9)) % 10);
  const groups = pick(brand.groups);
  return grouped(body + last, groups, groups.length === 1 ? '' : pick([' ', '-']));
}

/** IBAN country, length, and how its BBAN starts (letters where the country puts a bank code). */
const IBAN_COUNTRIES: readonly [string, number, number][] = [
  ['DE', 22, 0], ['GB', 22, 4], ['FR', 27, 0], ['NL', 18, 4], ['ES', 24, 0], ['IT', 27, 1], ['BE', 16, 0], ['CH', 21, 0], ['AT', 20, 0], ['PL', 28, 0],
];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function mod97(value: string): number {
  let remainder = 0;
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    const n = code >= 65 ? code - 55 : code - 48;
    remainder = n >= 10 ? (remainder * 100 + n) % 97 : (remainder * 10 + n) % 97;
  }
  return remainder;
}

function iban(valid = true): string {
  const [country, length, letters] = pick(IBAN_COUNTRIES);
  const bban = Array.from({ length: letters }, () => pick([...LETTERS])).join('') + digits(length - 4 - letters);
  const check = 98 - mod97(`${bban}${country}00`);
  const checkDigits = valid ? check : ((check + int(1, 90)) % 97) + 2;
  const compact = `${country}${pad(checkDigits, 2)}${bban}`;
  const shaped = pick(['compact', 'spaced', 'lower']);
  if (shaped === 'compact') return compact;
  if (shaped === 'lower') return compact.toLowerCase();
  return compact.match(/.{1,4}/g)!.join(' ');
}

function ssn(): string {
  let area = int(1, 899);
  if (area === 666) area = 667;
  return grouped(`${pad(area, 3)}${pad(int(1, 99), 2)}${pad(int(1, 9999), 4)}`, [3, 2, 4], pick(['-', ' ']));
}

function invalidSsn(): string {
  const area = pick(['000', '666', `9${pad(int(0, 99), 2)}`]);
  const parts = pick([
    [area, pad(int(1, 99), 2), pad(int(1, 9999), 4)],
    [pad(int(1, 665), 3), '00', pad(int(1, 9999), 4)],
    [pad(int(1, 665), 3), pad(int(1, 99), 2), '0000'],
  ]);
  return parts.join(pick(['-', ' ']));
}

function password(): string {
  const chars = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#$%&*_';
  let value = Array.from({ length: int(6, 14) }, () => chars[int(0, chars.length - 1)]).join('');
  // A password in the wild has a digit or a symbol; a bare word after "password is" reads as prose.
  if (!/[\d!#$%&*_]/.test(value)) value += String(int(0, 9));
  return value;
}

interface Case {
  readonly text: string;
  /** The text with every secret replaced by its `[kind]` placeholder (equal to `text` for a negative case). */
  readonly expected: string;
  /** The secrets in it (none for a negative case). */
  readonly secrets: readonly { value: string; kind: RedactionKind }[];
  readonly label: string;
}

/** Builds a case from a template whose `{kind:value}` slots are secrets. */
function positive(label: string, template: readonly (string | { kind: RedactionKind; value: string })[]): Case {
  let text = '';
  let expected = '';
  const secrets: { value: string; kind: RedactionKind }[] = [];
  for (const part of template) {
    if (typeof part === 'string') {
      text += part;
      expected += part;
    } else {
      text += part.value;
      expected += `[${part.kind}]`;
      secrets.push(part);
    }
  }
  return { text, expected, secrets, label };
}

const negativeCase = (label: string, text: string): Case => ({ text, expected: text, secrets: [], label });
const s = (kind: RedactionKind, value: string) => ({ kind, value });

function corpus(): Case[] {
  const cases: Case[] = [];
  const times = (n: number, make: () => Case): void => {
    for (let i = 0; i < n; i += 1) cases.push(make());
  };
  // Positives.
  times(40, () => positive('card', [pick(['my card is ', 'card number: ', 'pay with ', 'it is ', '']), s('card', card()), pick([' thanks', '.', ', please', ''])]));
  times(20, () => {
    const cvv = digits(pick([3, 4]));
    return pick([
      positive('card + cvv', ['card ', s('card', card()), ' cvv ', s('cvv', cvv)]),
      positive('card + expiry + cvv', ['', s('card', card()), ` exp ${pad(int(1, 12), 2)}/${int(26, 31)} `, s('cvv', cvv)]),
      positive('card, security code', ['card ', s('card', card()), ', security code ', s('cvv', cvv)]),
      positive('card then cvv', ['', s('card', card()), ' ', s('cvv', cvv)]),
    ]);
  });
  times(15, () => positive('cvv announced', [pick(['cvv ', 'CVC: ', 'the security code is ', 'the 3 digits on the back are ']), s('cvv', digits(3))]));
  times(35, () => positive('iban', [pick(['my IBAN is ', 'IBAN: ', 'send it to ', 'account ']), s('iban', iban()), pick([', thanks', '.', ''])]));
  times(25, () => positive('ssn formatted', [pick(['my ssn is ', 'SSN ', 'it is ', 'social security number: ']), s('ssn', ssn()), pick(['.', '', ' ok'])]));
  times(10, () => positive('ssn announced', [pick(['ssn ', 'my social security number is ']), s('ssn', ssn().replace(/[- ]/g, ''))]));
  times(30, () => positive('password', [pick(['my password is ', 'password: ', 'pwd = ', 'Password is ', 'the password was ']), s('password', password()), pick(['', ' ok', ' thanks'])]));
  times(10, () => positive('pin', [pick(['my pin is ', 'PIN: ', 'passcode ']), s('password', digits(pick([4, 6])))]));
  times(30, () => {
    const code = digits(pick([4, 5, 6, 7, 8]));
    return positive('otp', [pick(['the code is ', 'OTP ', 'verification code: ', '2FA code ', 'my one-time password is ', 'security code ', 'login code: ']), s('otp', code)]);
  });
  // Negatives: numbers that only look like secrets.
  times(30, () => negativeCase('luhn-invalid card', `${pick(['my card is ', 'ref ', 'number '])}${card(false)}${pick(['', ' thanks'])}`));
  times(20, () => negativeCase('order number', pick([`order ${digits(int(5, 10))}`, `order #A${digits(5)}`, `ORD-${int(2020, 2026)}-${digits(4)}`, `my order number is ${digits(8)}`, `ticket ${digits(5)}`])));
  times(20, () =>
    negativeCase('phone number', pick([`call me at +1 ${digits(3)}-${digits(3)}-${digits(4)}`, `(${digits(3)}) ${digits(3)}-${digits(4)}`, `+44 20 ${digits(4)} ${digits(4)}`, `${digits(3)}.${digits(3)}.${digits(4)}`, `my number is 0${digits(10)}`])),
  );
  times(20, () =>
    negativeCase('date', pick([`it arrived on ${int(2020, 2026)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}`, `billed on ${pad(int(1, 12), 2)}/${pad(int(1, 28), 2)}/${int(2020, 2026)}`, `on ${int(1, 28)} May ${int(2020, 2026)}`, `since ${pad(int(1, 28), 2)}.${pad(int(1, 12), 2)}.${int(2020, 2026)}`])),
  );
  times(20, () => negativeCase('amount', pick([`I paid $${int(1, 9)},${digits(3)}.${digits(2)}`, `€ ${int(10, 999)},${digits(2)}`, `${int(1, 9)}.${digits(3)},${digits(2)} EUR`, `£${int(1, 500)}`, `refund of ${int(10, 9999)} dollars`])));
  times(15, () =>
    negativeCase('tracking id', pick([`tracking 1Z${digits(3)}AA${digits(10)}`, `tracking 9400 ${digits(4)} ${digits(4)} ${digits(4)} ${digits(4)} ${digits(2)}`, `parcel JD${digits(18)}`, `shipment ${digits(12)}`])),
  );
  times(15, () => negativeCase('invalid iban', `my IBAN is ${iban(false)}`));
  times(15, () => negativeCase('invalid ssn', `it is ${invalidSsn()}.`));
  times(10, () => negativeCase('prose', pick(['my password is not working', 'I need a password reset', 'error code 500', 'my zip code is 90210', 'I forgot my pin', 'what is the security code for?', 'the code did not arrive'])));
  return cases;
}

const CASES = corpus();

/** Placeholders in a text. */
const placeholders = (text: string): number => (text.match(/\[(?:card|cvv|iban|ssn|password|otp)\]/g) ?? []).length;

describe('redaction on a generated corpus', () => {
  it('has at least 300 cases, positives and negatives', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(300);
    expect(CASES.filter((c) => c.secrets.length > 0).length).toBeGreaterThanOrEqual(150);
    expect(CASES.filter((c) => c.secrets.length === 0).length).toBeGreaterThanOrEqual(150);
  });

  it('has precision and recall of 1.0', () => {
    let truePositives = 0;
    let falseNegatives = 0;
    let falsePositives = 0;
    const wrong: string[] = [];
    for (const c of CASES) {
      const { text } = redactText(c.text);
      const missed = c.secrets.filter((secret) => text.includes(secret.value)).length;
      truePositives += c.secrets.length - missed;
      falseNegatives += missed;
      falsePositives += Math.max(0, placeholders(text) - (c.secrets.length - missed));
      if (text !== c.expected) wrong.push(`${c.label}: ${JSON.stringify(c.text)} -> ${JSON.stringify(text)}`);
    }
    const precision = truePositives / (truePositives + falsePositives);
    const recall = truePositives / (truePositives + falseNegatives);
    expect(wrong).toEqual([]);
    expect({ precision, recall }).toEqual({ precision: 1, recall: 1 });
  });

  it('counts each secret under its kind', () => {
    for (const c of CASES) {
      const expected: Partial<Record<RedactionKind, number>> = {};
      for (const secret of c.secrets) expected[secret.kind] = (expected[secret.kind] ?? 0) + 1;
      expect(redactText(c.text).counts).toEqual(expected);
    }
  });
});

describe('secrets never leave: packet, exporters, trace and errors', () => {
  const positives = CASES.filter((c) => c.secrets.length > 0);
  const secrets = positives.flatMap((c) => c.secrets.map((secret) => secret.value));
  /*
   * What would show a secret in an output: a long secret itself (with or without its
   * separators); a short one (a 3-digit CVV, a 4-digit PIN) with the words around it, since
   * "103" alone also appears as a transcript index or a count.
   */
  const probes = positives.flatMap((c) =>
    c.secrets.flatMap(({ value }) => {
      if (value.length >= 8) return [value, value.replace(/[ -]/g, '')];
      const at = c.text.indexOf(value);
      const before = c.text.slice(Math.max(0, at - 6), at);
      return [before.length >= 3 ? `${before}${value}` : `${value}${c.text.slice(at + value.length, at + value.length + 6)}`].filter((p) => p.length > value.length);
    }),
  );
  const leaked = (output: string): string[] => probes.filter((probe) => output.includes(probe));

  it('a conversation holding every secret of the corpus gives a packet, exports, decision and trace without one', async () => {
    const escalator = createEscalator({ limits: { maxMessages: 1_000 } });
    const messages = positives.flatMap((c) => [
      { role: 'user' as const, text: c.text },
      { role: 'bot' as const, text: "Sorry, I didn't understand that.", fallback: true },
    ]);
    messages.push({ role: 'user', text: 'I want to talk to a human, this is useless!!!' });
    const result = await escalator.evaluate({ id: 'secrets', customer: { name: 'Ana Lopez' }, messages }, { now: '2026-05-26T10:00:00Z' });
    expect(result.packet).toBeDefined();
    const packet = result.packet!;
    expect(packet.redactions.total).toBe(secrets.length);
    expect(leaked(JSON.stringify(result))).toEqual([]); // decision, trace and packet together
    expect(leaked(JSON.stringify(result.trace))).toEqual([]);
    const exports: Record<string, string> = {
      botFramework: JSON.stringify(toBotFrameworkHandoff(packet)),
      sunshine: JSON.stringify(toSunshinePassControl(packet)),
      dialogflowCx: JSON.stringify(toDialogflowCxLiveAgentHandoff(packet)),
      plainText: toPlainText(packet),
      markdown: toMarkdown(packet),
    };
    for (const [name, output] of Object.entries(exports)) expect({ name, leaked: leaked(output) }).toEqual({ name, leaked: [] });
  }, 60_000);

  it('the trace of every turn never holds a secret', async () => {
    const escalator = createEscalator();
    for (const c of positives.slice(0, 60)) {
      const turns = await escalator.replay({ id: 't', messages: [{ role: 'user', text: `${c.text} - I want a human` }, { role: 'user', text: c.text }] });
      for (const turn of turns) expect(leaked(JSON.stringify(turn.result.trace))).toEqual([]);
    }
  }, 60_000);

  it('errors on invalid input holding a secret never echo it', async () => {
    const escalator = createEscalator();
    for (const c of positives) {
      const value = c.secrets[0]!.value;
      const attempts: unknown[] = [
        { id: 'c', messages: [{ role: 'robot', text: c.text }] },
        { id: 'c', messages: [{ role: 'user', text: c.text, timestamp: value }] },
        { id: 'c', messages: [{ role: 'user', text: c.text, intent: { name: value, confidence: 7 } }] },
        { id: value, messages: [{ role: value, text: c.text }] },
        { id: 'c', channel: 3, messages: [{ role: 'user', text: 42 }], extra: value },
      ];
      for (const attempt of attempts) {
        const outcome = await escalator.safeEvaluate(attempt);
        expect(outcome.success).toBe(false);
        if (outcome.success) continue;
        expect(isValidationError(outcome.error)).toBe(true);
        const shown = `${outcome.error.message}\n${JSON.stringify(outcome.error.issues)}\n${String(outcome.error)}`;
        expect(leaked(shown)).toEqual([]);
      }
    }
  }, 60_000);
});

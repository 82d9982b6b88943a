import { analyzeText } from '../../src/analysis/analyze-message';
import { detectFrustration } from '../../src/analysis/frustration';
import { detectHumanRequest } from '../../src/analysis/human-request';
import { foldTargets, patternWords } from '../../src/analysis/look-alikes';
import { prepare } from '../../src/analysis/normalize';
import { MessageAnalysisSchema } from '../../src/schema/analysis';

/*
 * Cyrillic and Greek letters drawn like Latin ones, and digits typed for letters, are read as
 * the Latin word they imitate when they hide a word a detector looks for, and nowhere else:
 * Russian and Greek text, order numbers and amounts read exactly as typed.
 */

// Cyrillic а (U+0430), е (U+0435), о (U+043E), р (U+0440), і (U+0456); Greek Η, Μ, Α, ο.
const CYR_A = '\u0430';
const CYR_E = '\u0435';
const CYR_O = '\u043e';
const CYR_P = '\u0440';
const CYR_I = '\u0456';

const kinds = (text: string): string[] => detectFrustration(text, 0).signals.map((s) => s.kind);

describe('look-alikes: requests for a person', () => {
  it.each([
    ['a Cyrillic а inside "human"', `talk to a hum${CYR_A}n`],
    ['Cyrillic а and е in "agent"', `${CYR_A}g${CYR_E}nt please`],
    ['Cyrillic letters in "real person"', `I want a r${CYR_E}al ${CYR_P}${CYR_E}rs${CYR_O}n`],
    ['Greek capitals in "HUMAN"', '\u0397U\u039c\u0391N please'],
    ['a Greek ο in "operator"', `get me an \u03bfperator`],
    ['a Cyrillic article between Latin words', `talk to ${CYR_A} human`],
    ['a Cyrillic article opening a Latin message', `${CYR_A} human please`],
    ['a digit in "human"', 'hum4n please'],
    ['a digit opening "agent"', '4gent please'],
    ['digits in "real person"', 'I want a r3al p3rson'],
    ['a digit for a person word after a verb', 'can I talk to a p3rs0n'],
    ['an @ for an a', 'get me an @gent'],
    ['shouted with a digit', 'HUM4N PLEASE'],
    ['a 1 for an l', 'he1p me talk to someone'],
  ])('detected with %s', (_trick, text) => {
    expect(detectHumanRequest(text).detected).toBe(true);
  });

  it('reads the word itself, not a typo of it', () => {
    expect(prepare(`talk to a hum${CYR_A}n`).canon).toBe('talk to a human');
    expect(prepare(`${CYR_A} human please`).canon).toBe('a human please');
    expect(prepare('hum4n please').canon).toBe('human please');
    expect(prepare('HUM4N PLEASE').normalized).toBe('HUMAN PLEASE');
    expect(prepare('he1p me').canon).toBe('help me');
    expect(prepare('talk to an \u03bfperator').canon).toBe('talk to an operator');
  });

  it('quotes what the customer typed, look-alikes included', () => {
    expect(detectHumanRequest('hum4n please').excerpt).toBe('hum4n please');
    expect(detectHumanRequest(`talk to a hum${CYR_A}n`).excerpt).toBe(`talk to a hum${CYR_A}n`);
  });

  it('is not fooled into firing: negations and stories stay what they are', () => {
    expect(detectHumanRequest("I don't need a hum4n").detected).toBe(false);
    expect(detectHumanRequest(`I talked to a hum${CYR_A}n yesterday and they said it was fine`).detected).toBe(false);
    expect(detectHumanRequest(`no need for an ${CYR_A}g${CYR_E}nt`).detected).toBe(false);
  });
});

describe('look-alikes: insults', () => {
  it.each([
    ['a 1 for an i', 'you are a 1diot'],
    ['a 5 for an s', 'you are 5tupid'],
    ['a 0 in "bot"', 'useless b0t'],
    ['a Cyrillic і', `you are stup${CYR_I}d`],
    ['a Cyrillic о in "moron"', `what a m${CYR_O}ron`],
  ])('detected with %s', (_trick, text) => {
    expect(kinds(text)).toContain('insult');
  });

  it('still reads a self-reference as none', () => {
    expect(kinds('I am such an 1diot, found it')).not.toContain('insult');
  });
});

describe('look-alikes: what must read as typed', () => {
  it.each([
    ['order numbers', 'my order A12B3 has not arrived'],
    ['network generations', 'no 4G or 5G signal since Monday'],
    ['business terms', 'our B2B account, open 24h'],
    ['ordinals and codes', 'the 1st invoice needs 2fa, the 3rd too'],
    ['amounts', 'I paid $20, then 20$ and €5.99 and 1,000.50 USD'],
    ['times', 'call at 10am or 5pm, 7am at the latest'],
    ['ids that spell nothing', 'ticket 4A7B, ref X10, model A1B0, MP3, 1080p, covid19'],
    ['handles and e-mails', 'write to j0hn@example.com or @support'],
  ])('keeps %s', (_what, text) => {
    const p = prepare(text);
    expect(p.normalized).toBe(text.normalize('NFKC'));
    expect(p.lower).toBe(text.normalize('NFKC').toLowerCase());
  });

  it.each([
    ['Russian', 'Я хочу поговорить с человеком, а не с ботом'],
    ['Russian with short words', 'Мама мыла раму, а папа ел кашу. О чём ты?'],
    ['Russian in capitals', 'ОК, СРОК ДОСТАВКИ КАК ОБЫЧНО'],
    ['Russian with a Latin brand', 'я купил iPhone а потом Samsungа, оба сломались'],
    ['Russian with a Latin word at its end', 'в заказе был только iPhone а'],
    ['Greek', 'Θέλω να μιλήσω με έναν άνθρωπο, ο υπάλληλος είναι εδώ'],
    ['Greek short reply next to a Latin word', 'Ναι, ok'],
    ['Greek all in look-alikes', 'Ναι ο Άρης'],
    ['Ukrainian', 'Я хочу поговорити з оператором і менеджером'],
  ])('keeps %s text unchanged', (_language, text) => {
    const p = prepare(text);
    expect(p.normalized).toBe(text.normalize('NFKC'));
    expect(p.lower).toBe(text.normalize('NFKC').toLowerCase());
  });

  it('folds only inside the disguised word, one character for one', () => {
    const text = `Я тут. talk to a hum${CYR_A}n about order A1B0`;
    const p = prepare(text);
    expect(p.normalized).toBe('Я тут. talk to a human about order A1B0');
    expect(p.normalized.length).toBe(text.length);
  });

  it('never crashes on look-alikes and digits everywhere, and returns a schema-valid analysis', () => {
    for (const text of [`${CYR_A}`.repeat(5_000), '4'.repeat(5_000), `h${'4'.repeat(30)}n`, `${'a1'.repeat(20)}`, `${CYR_A}1${CYR_O}0`.repeat(100), '$@$@hum4n@$@$']) {
      const analysis = analyzeText(text);
      expect(MessageAnalysisSchema.parse(analysis)).toEqual(analysis);
    }
  });
});

describe('look-alikes: the words the digit fold may spell', () => {
  it('are read from the patterns, an optional last letter giving both words', () => {
    expect(patternWords([/\b(?:agents?|human)\b please/, String.raw`[a-z]{2,15} \p{L}\d`])).toEqual(['agents', 'agent', 'human', 'please']);
  });

  it("are the detectors' own words", () => {
    const targets = foldTargets();
    for (const word of ['human', 'agent', 'person', 'real', 'representative', 'idiot', 'stupid', 'useless', 'bot']) expect(targets.has(word)).toBe(true);
    // Words no detector looks for are never spelled, whatever the digits.
    expect(prepare('g0lf').canon).toBe('g0lf');
  });
});

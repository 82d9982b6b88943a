import { analyzeText } from '../../src/analysis/analyze-message';
import { detectFrustration } from '../../src/analysis/frustration';
import { detectHumanRequest } from '../../src/analysis/human-request';
import fc from 'fast-check';
import { prepare } from '../../src/analysis/normalize';
import { scanTokens, TOKEN_RE, tokenKindOf } from '../../src/analysis/scan-tokens';
import { MessageAnalysisSchema } from '../../src/schema/analysis';

/*
 * Text is NFKC-normalised, stripped of invisible and bidirectional control characters and of
 * combining marks that cannot fold into their letter, and letters typed one by one are read as
 * a word, before any detector runs. Neither the request for a person nor insult detection can
 * be dodged (or fooled into firing) by these tricks, and nothing crashes on them.
 */

const ZWSP = '\u200b';
const zeroWidth = (word: string): string => [...word].join(ZWSP);
const fullWidth = (text: string): string => [...text].map((c) => (c === ' ' ? '\u3000' : String.fromCodePoint(c.codePointAt(0)! + 0xfee0))).join('');
const strike = (word: string): string => [...word].map((c) => `${c}\u0336`).join('');
const underline = (word: string): string => [...word].map((c) => `${c}\u0332\u0301`).join('');
const mathBold = (word: string): string => [...word].map((c) => String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97)).join('');
const spaced = (word: string, gap = ' '): string => [...word].join(gap);

const requests: [string, string][] = [
  ['zero-width spaces', `talk to a ${zeroWidth('human')}`],
  ['zero-width joiner and word joiner', 'agent\u200d please'.replace('gen', 'g\u2060en')],
  ['soft hyphens', 'I want to speak to a hu\u00adman'],
  ['full-width letters', fullWidth('talk to a human')],
  ['full-width word alone', `${fullWidth('agent')} please`],
  ['mathematical bold letters', `${mathBold('agent')} please`],
  ['circled letters', '\u24d7\u24e4\u24dc\u24d0\u24dd please'],
  ['strike-through combining marks', `let me talk to a ${strike('human')}`],
  ['stacked combining marks', `${underline('agent')} please`],
  ['decomposed accents (NFD)', 'I want to talk to a real person, s\u0301il vous plai\u0302t'],
  ['spaced letters', spaced('human')],
  ['spaced letters after an article', `talk to a ${spaced('human')}`],
  ['spaced "agent"', `${spaced('agent')} please`],
  ['letters with dots', `${spaced('human', '.')} please`],
  ['letters with hyphens', `${spaced('human', '-')} now`],
  ['letters with underscores', `get me a ${spaced('human', '_')}`],
  ['upper-case spaced letters', `I WANT A ${spaced('HUMAN')}`],
  ['right-to-left override', '\u202eagent please\u202c'],
  ['right-to-left marks inside the word', 'talk to a hu\u200fman\u200e'],
  ['after Arabic text', 'مرحبا، I want to talk to a human'],
  ['after Hebrew text without punctuation', 'שלום talk to a human please'],
  ['inside a right-to-left embedding', '\u202bאני רוצה\u202c talk to a human'],
  ['emoji around it', '😡😡 agent please 🙏'],
  ['emoji with skin tone and ZWJ family', '👨‍👩‍👧‍👦 can I talk to a human 👍🏽'],
];

const notRequests: [string, string][] = [
  ['spaced letters, negated', `I don't need a ${spaced('human')}`],
  ['zero-width, negated', `no need for an ${zeroWidth('agent')}`],
  ['full-width compound', fullWidth('human resources')],
  ['spaced letters in a story', `I talked to a ${spaced('human')} yesterday and they said it was fine`],
  ['plain initials', 'the A B C of billing is on the web page'],
  ['Arabic only', 'أريد التحدث مع موظف'],
  ['emoji only', '🤖🤖🤖'],
];

const insults: [string, string][] = [
  ['plain', 'you are stupid'],
  ['zero-width spaces', `you are ${zeroWidth('stupid')}`],
  ['full-width', fullWidth('you are useless')],
  ['strike-through', `you are ${strike('stupid')}`],
  ['spaced letters', `you are ${spaced('stupid')}`],
  ['spaced words', `${spaced('you')}  ${spaced('are')}  ${spaced('stupid')}`],
  ['dotted letters', `${spaced('useless', '.')} bot`],
  ['bold letters', `${mathBold('stupid')} bot`],
  ['bidi controls', 'you are \u202estupid\u202c'],
  ['with emoji', 'you are useless 🤬🤬'],
  ['spaced noun', `what an ${spaced('idiot')}`],
];

describe('unicode: requests for a person', () => {
  it.each(requests)('detected with %s', (_trick, text) => {
    expect(detectHumanRequest(text).detected).toBe(true);
  });

  it.each(notRequests)('not fooled into firing: %s', (_trick, text) => {
    expect(detectHumanRequest(text).detected).toBe(false);
  });

  it('quotes what the customer typed, tricks included', () => {
    const text = `talk to a ${spaced('human')}`;
    expect(detectHumanRequest(text).excerpt).toBe(text);
    expect(detectHumanRequest(`talk to a ${zeroWidth('human')}`).excerpt).toBe(`talk to a ${zeroWidth('human')}`);
  });
});

describe('unicode: insults', () => {
  it.each(insults)('detected with %s', (_trick, text) => {
    expect(detectFrustration(text, 0).signals.map((s) => s.kind)).toContain('insult');
  });

  it('does not read spaced initials or a self-reference as an insult', () => {
    expect(detectFrustration(`I am an ${spaced('idiot')}, found it`, 0).signals.map((s) => s.kind)).not.toContain('insult');
    expect(detectFrustration('the U.S.A. office is closed', 0).signals).toEqual([]);
  });
});

describe('unicode: normalisation', () => {
  it('applies NFKC and keeps precomposed and decomposed accents alike', () => {
    expect(prepare('café').canon).toBe(prepare('cafe\u0301').canon);
    expect(prepare('ﬁne').canon).toBe('fine');
  });

  it('keeps short letter runs and abbreviations as they are', () => {
    expect(prepare('a.m. or p.m.').canon).toBe('a . m . or p . m .');
    expect(prepare('plan a or b').canon).toBe('plan a or b');
  });

  it('keeps emoji sequences whole, variation selectors and keycaps included', () => {
    const kinds = prepare('1\ufe0f\u20e3 ❤\ufe0f 👍🏽').tokens.map((t) => t.kind);
    expect(kinds).toContain('emoji');
  });

  it.each([
    ['lone surrogates', '\ud800 agent \udfff please \ud83d'],
    ['only combining marks', '\u0301\u0336\u0332'.repeat(50)],
    ['only bidi and zero-width controls', '\u202e\u202d\u2066\u200b\u200f\ufeff'.repeat(50)],
    ['private-use and noncharacters', '\ue000\uffff\ufffe agent'],
    ['mixed scripts', 'Ἀθῆναι 東京 Москва القاهرة תל אביב'],
    ['regional-indicator flags', '🇺🇸🇫🇷🇯🇵 help'],
    ['tag characters', 'hi 🏴\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f}'],
  ])('never crashes on %s and returns a schema-valid analysis', (_name, text) => {
    const analysis = analyzeText(text);
    expect(MessageAnalysisSchema.parse(analysis)).toEqual(analysis);
  });
});

describe('the token scanner', () => {
  // The scanner captures only emoticons, links and symbols and tells the other classes apart by
  // their first character. The reference captures every class, as its alternatives are tried.
  const reference =
    /((?<![^\s\p{L}\p{N}.,!?])(?:[<>]?[:;=][-o^']?[)\](\[dDpP/\\|*3oO@$lLcCsS]{1,8}|[)\](\[dDpP/\\|]{1,8}[-']?[:;=][<>]?|<\/?3{1,8}|\^_{0,8}\^|-_{1,8}-|[xX][dD]{1,8})(?=\s|$|[.,!?]))|(https?:\/\/\S+|www\.\S+|[\w.+-]{1,64}@[\w-]+(?:\.[\w-]+)+)|(\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]*)|(\p{L}[\p{L}\p{M}\p{N}]*(?:['-][\p{L}\p{N}]+)*)|(\p{N}+(?:[.,:/]\p{N}+)*\p{L}*)|([!?.]+)|([^\s])\7*/gu;
  const CLASSES = ['emoticon', 'link', 'emoji', 'word', 'number', 'punct', 'symbol'] as const;
  const scan = (re: RegExp, text: string, kindOf: (m: RegExpExecArray) => string): string[] => {
    const out: string[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push(`${m.index}:${m[0]}:${kindOf(m)}`);
    return out;
  };
  const expected = (text: string): string[] => scan(reference, text, (m) => CLASSES[m.slice(1).findIndex((g) => g !== undefined)] ?? '?');
  const actual = (text: string): string[] =>
    scan(TOKEN_RE, text, (m) => (m[1] !== undefined ? 'emoticon' : m[2] !== undefined ? 'link' : tokenKindOf(m[0])));

  it('gives every token the class the reference gives it', () => {
    // Letters, digits and numerals of several scripts, faces' characters, pictographs with
    // modifiers, combining marks and joiners.
    const alphabet = [...' \taAzZ09:;=-o^\')](\\[dDpP/|*3O@$lLcCsSxX<>_.,!?#&%+~"éßЖ中ا٣½²Ⅻ😀👍🏽❤️©®™‼\u0301\u200d\ufe0f🇬🇧'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }), (chars) => {
        const text = chars.join('');
        expect(actual(text)).toEqual(expected(text));
      }),
      { numRuns: 20_000, seed: 7 },
    );
    expect(actual('hi :) see www.x.com 10:30 ok!! 😀 ½ ~~')).toEqual(expected('hi :) see www.x.com 10:30 ok!! 😀 ½ ~~'));
  });

  // Plain ASCII text is scanned by hand where it can be; the hand scanner must find what the
  // reference finds, and hand over to the regex on the characters of faces and links.
  const spans = (text: string, ascii: boolean): string[] => {
    const s = scanTokens(text, ascii);
    return s.starts.slice(0, s.count).map((start, k) => `${start}:${text.slice(start, s.ends[k])}:${s.kinds[k]}`);
  };

  it('scans ASCII text by hand exactly as the reference does', () => {
    const alphabet = [' ', '\t', '\n', ...'aAzZxXdDwW09.,!?-/:;=<>^_@()[]|*#&%+~"', "'"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }), (chars) => {
        const text = chars.join('');
        expect(spans(text, true)).toEqual(expected(text));
      }),
      { numRuns: 20_000, seed: 11 },
    );
    for (const text of ['xD', 'xDD.', 'so xD!', 'boxD', '"xD', 'xDDDDDDDDD', 'www.example.com', 'awww.', "don't-stop 3.5kg 10,000 1/2 ...?!", 'a--b', 'x-d']) {
      expect(spans(text, true)).toEqual(expected(text));
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeMessage, analyzeText } from '../../src/analysis/analyze-message';
import { MessageAnalysisSchema, type MessageAnalysis } from '../../src/schema/analysis';
import type { Message } from '../../src/schema/conversation';

function excerpts(a: MessageAnalysis): string[] {
  const out: string[] = [];
  if (a.humanRequest.excerpt !== undefined) out.push(a.humanRequest.excerpt);
  for (const s of a.frustration.signals) out.push(s.excerpt);
  for (const t of a.topics) out.push(t.excerpt);
  if (a.resolution.excerpt !== undefined) out.push(a.resolution.excerpt);
  if (a.botFailure.excerpt !== undefined) out.push(a.botFailure.excerpt);
  return out;
}

describe('analyzeMessage', () => {
  it('runs every detector on a customer message', () => {
    const a = analyzeMessage({ role: 'user', text: 'My card was stolen!!! I NEED A HUMAN NOW \uD83D\uDE21' });
    expect(a.sentiment.label).toBe('negative');
    expect(a.humanRequest).toMatchObject({ detected: true, pattern: 'want + person' });
    expect(a.frustration.signals.map((s) => s.kind)).toEqual(['shouting', 'punctuation', 'urgency']);
    expect(a.topics).toEqual([{ topic: 'fraud', excerpt: 'card was stolen' }]);
    expect(a.resolution).toEqual({ detected: false });
    expect(a.botFailure).toEqual({ detected: false });
    expect(a.tokens).toEqual(['card', 'stolen', 'human']);
  });

  it('reports a low-confidence intent on a customer message', () => {
    const a = analyzeMessage({ role: 'user', text: 'blorp', intent: { name: 'x', confidence: 0.1 } });
    expect(a.botFailure).toEqual({ detected: true, kind: 'low_confidence', excerpt: 'blorp' });
  });

  it('reads only bot failure and tokens from a bot message', () => {
    const a = analyzeMessage({ role: 'bot', text: "Sorry, I didn't understand. This is useless, talk to a human!!!" });
    expect(a).toEqual({
      sentiment: { score: 0, label: 'neutral', contributions: [] },
      humanRequest: { detected: false },
      frustration: { signals: [], score: 0 },
      topics: [],
      resolution: { detected: false },
      botFailure: { detected: true, kind: 'text', excerpt: "I didn't understand" },
      tokens: ['understand', 'useless', 'talk', 'human'],
    });
  });

  it.each<Message['role']>(['agent', 'system'])('reads only tokens from a %s message', (role) => {
    const a = analyzeMessage({ role, text: 'I am so sorry your card was stolen, let me transfer you', fallback: true });
    expect(a.sentiment).toEqual({ score: 0, label: 'neutral', contributions: [] });
    expect(a.humanRequest).toEqual({ detected: false });
    expect(a.topics).toEqual([]);
    expect(a.botFailure).toEqual({ detected: false });
    expect(a.tokens).toContain('stolen');
  });

  it('accepts options', () => {
    const message: Message = { role: 'user', text: 'hm', intent: { name: 'x', confidence: 0.5 } };
    expect(analyzeMessage(message).botFailure.detected).toBe(false);
    expect(analyzeMessage(message, { lowConfidence: 0.6 }).botFailure.detected).toBe(true);
  });
});

describe('analyzeText', () => {
  it('analyses text as a customer message', () => {
    const a = analyzeText('this is NOT what I asked for!!');
    expect(a.sentiment.label).toBe('negative');
    expect(a.frustration.signals).toContainEqual({ kind: 'phrase', excerpt: 'this is NOT what I asked' });
    expect(a).toEqual(analyzeMessage({ role: 'user', text: 'this is NOT what I asked for!!' }));
  });

  it('reads a resolution', () => {
    const a = analyzeText('thanks, that fixed it \uD83D\uDC4D');
    expect(a.resolution).toEqual({ detected: true, excerpt: 'that fixed it' });
    expect(a.sentiment.label).toBe('positive');
    expect(a.frustration.score).toBe(0);
  });

  const samples = [
    '',
    '   ',
    'hello',
    'WHERE IS MY ORDER??? I have waited 3 weeks, this is ridiculous. Get me a manager NOW!!!',
    'my husband passed away and I need to close his account, can someone call me back',
    `I have been trying to explain this for ages ${'and nobody listens '.repeat(20)}so please talk to a human right now!!!`,
    `${'very '.repeat(40)}bad service, I will sue you and report you to the regulator`,
    'Ｈｕｍａｎ ｐｌｅａｓｅ, I don\u2019t want the ｂｏｔ',
    'c\u0327a ne marche pas \uD83D\uDE21\uD83D\uDE21 f***',
  ];

  it.each(samples)('returns a schema-valid analysis for %j', (text) => {
    const a = analyzeText(text);
    expect(MessageAnalysisSchema.parse(a)).toEqual(a);
  });

  it.each(samples)('keeps every excerpt a short piece of the original text: %j', (text) => {
    for (const excerpt of excerpts(analyzeText(text))) {
      expect(excerpt.length).toBeGreaterThan(0);
      expect(excerpt.length).toBeLessThanOrEqual(80);
      expect(text).toContain(excerpt);
    }
  });
});

describe('cost', () => {
  it('does no work at import and loads the lexicon and stemmer once, on first use', () => {
    jest.isolateModules(() => {
      let lexiconLoads = 0;
      let stemmerLoads = 0;
      jest.doMock('../../src/analysis/data/vader-lexicon.json', () => {
        lexiconLoads += 1;
        return { good: 1.9 };
      });
      jest.doMock('natural/lib/natural/stemmers/porter_stemmer', () => {
        stemmerLoads += 1;
        return { stem: (word: string) => word };
      });
      const write = jest.spyOn(process.stdout, 'write');
      const log = jest.spyOn(console, 'log');
      const isolated = require('../../src/analysis/analyze-message') as typeof import('../../src/analysis/analyze-message');
      expect(lexiconLoads).toBe(0);
      expect(stemmerLoads).toBe(0);
      expect(isolated.analyzeText('good news').sentiment.score).toBeGreaterThan(0);
      isolated.analyzeText('good again');
      expect(lexiconLoads).toBe(1);
      expect(stemmerLoads).toBe(1);
      expect(write).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
      write.mockRestore();
      log.mockRestore();
    });
  });

  it('never imports the top-level natural package, the clock or the environment', () => {
    const dir = join(__dirname, '../../src/analysis');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source).not.toMatch(/(?:require\(|from )'natural'/);
      expect(source).not.toMatch(/process\.env|Date\.now|new Date\(|console\.|performance\.now/);
    }
  });

  it.each(['a', 'A', ' ', '!', '?', '.', '*', ':', ')', 'd', '-', '@', "'", '\u2019', '\u00e9', '\uD83D\uDE00'])(
    'finishes on 1 MB of %j',
    (ch) => {
      const text = ch.repeat(Math.ceil((1 << 20) / ch.length));
      // Quadratic work on 1 MB takes minutes and trips the test's timeout; linear work takes
      // about a second at most. Speed itself is reported by `npm run bench`, not asserted.
      const a = analyzeText(text);
      analyzeMessage({ role: 'bot', text });
      for (const excerpt of excerpts(a)) expect(excerpt.length).toBeLessThanOrEqual(80);
    },
    60_000,
  );
});

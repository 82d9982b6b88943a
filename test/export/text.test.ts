import { isValidationError } from '../../src/errors';
import { escapeMarkdown, sentimentSparkline, toMarkdown, toPlainText } from '../../src/export/text';
import type { HandoffPacket } from '../../src/schema/packet';
import { fixturePackets, packetOf, secretConversation } from './packets';
import { catchError } from '../helpers';

let packets: { name: string; packet: HandoffPacket }[];
let secretPacket: HandoffPacket;

beforeAll(async () => {
  packets = await fixturePackets();
  secretPacket = await packetOf(secretConversation(), { now: '2026-03-10T10:02:30Z' });
});

const PLAIN_SECTIONS = ['SUMMARY', 'REASONS', 'ENTITIES', 'SENTIMENT', 'TRANSCRIPT'];
const MARKDOWN_SECTIONS = ['## Summary', '## Reasons', '## Entities', '## Sentiment', '## Transcript'];

/** Line numbers of each heading, in the order given; -1 when missing. */
const positions = (text: string, headings: readonly string[]): number[] => {
  const lines = text.split('\n');
  return headings.map((h) => lines.indexOf(h));
};

describe('sentimentSparkline', () => {
  it('draws one of eight heights per turn, lowest for -1 and highest for 1', () => {
    expect(sentimentSparkline([-1, -0.5, 0, 0.5, 1])).toBe('▁▃▅▆█');
    expect(sentimentSparkline([-0.8, 0, 0.8])).toBe('▂▅▇');
    expect(sentimentSparkline([-7, 7])).toBe('▁█');
    expect(sentimentSparkline([])).toBe('');
  });
});

describe('toPlainText', () => {
  it('puts the summary first, then reasons, entities, sentiment and the transcript, for every fixture', () => {
    for (const { packet } of packets) {
      const text = toPlainText(packet);
      const at = positions(text, PLAIN_SECTIONS);
      expect(at.every((n) => n > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(text.startsWith(`HANDOFF: ${packet.conversationId}\n`)).toBe(true);
      expect(text).toContain(`Issue: ${packet.summary.issue.replace(/\s*\n\s*/g, ' ')}`);
      for (const reason of packet.decision.reasons) expect(text).toContain(`- ${reason.reason} (rule ${reason.rule}`);
    }
  });

  it('shows the sentiment trend as a sparkline of the per-turn scores', () => {
    const text = toPlainText(secretPacket);
    const scores = secretPacket.sentiment.perTurn.map((t) => t.score);
    expect(text).toContain(`By turn: ${sentimentSparkline(scores)}  (turns 1-${scores.length}: `);
    expect(text).toMatch(/Trend: [+-]?\d\.\d\d per turn \((improving|worsening|steady)\)/);
  });

  it('keeps the sparkline small: the latest 30 turns of a long conversation', () => {
    const perTurn = Array.from({ length: 45 }, (_, i) => ({ turn: i + 1, score: i % 2 === 0 ? -0.5 : 0.5, label: 'neutral' as const }));
    const text = toPlainText({ ...secretPacket, sentiment: { ...secretPacket.sentiment, perTurn } });
    const line = text.split('\n').find((l) => l.startsWith('By turn: '))!;
    expect(line).toMatch(/^By turn: [▁▂▃▄▅▆▇█]{30} {2}\(turns 16-45: /);
  });

  it('lists every message in order with role, turn and time, and counts what was redacted', () => {
    const text = toPlainText(secretPacket);
    const transcript = text.slice(text.indexOf('\nTRANSCRIPT\n'));
    expect(transcript).toContain('5 messages; 3 secrets redacted (2 card, 1 password)');
    expect(transcript).toContain('  1. Customer (turn 1, 2026-03-10T10:00:00Z): my card [card] was charged twice for order 88123');
    expect(transcript).toContain("  2. Bot (2026-03-10T10:00:05Z, did not understand): Sorry, I didn't understand that.");
    expect(transcript).toContain('  5. Customer (turn 3, 2026-03-10T10:02:00Z): I want to talk to a human');
  });

  it('keeps only the newest messages when asked, and says how many it left out', () => {
    const text = toPlainText(secretPacket, { maxTranscriptLines: 2 });
    expect(text).toContain('5 messages; the 3 oldest left out here');
    expect(text).not.toContain('  1. Customer (turn 1');
    expect(text).toContain('  2. Customer (turn 3');
    expect(isValidationError(catchError(() => toPlainText(secretPacket, { maxTranscriptLines: 1.5 })))).toBe(true);
  });

  it('keeps control characters out and multi-line messages indented under their item', () => {
    const packet: HandoffPacket = {
      ...secretPacket,
      transcript: [{ index: 0, role: 'user', turn: 1, text: 'first line\nsecond \u001b[31mred\u0007 line' }],
    };
    const text = toPlainText(packet);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(text).toContain('  1. Customer (turn 1): first line\n     second \uFFFD[31mred\uFFFD line\n');
  });
});

describe('toMarkdown', () => {
  it('has the same sections in the same order, for every fixture', () => {
    for (const { packet } of packets) {
      const md = toMarkdown(packet);
      const at = positions(md, MARKDOWN_SECTIONS);
      expect(at.every((n) => n > 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(md.split('\n')[0]).toMatch(/^# Handoff: /);
      // Exactly the six headings: customer text cannot add any.
      expect(md.split('\n').filter((l) => /^#{1,6} /.test(l))).toHaveLength(6);
    }
  });

  it('renders the sparkline as code and the transcript as a numbered list', () => {
    const md = toMarkdown(secretPacket);
    expect(md).toContain(`\`${sentimentSparkline(secretPacket.sentiment.perTurn.map((t) => t.score))}\` turns 1-3: `);
    expect(md).toContain('1. **Customer** (turn 1, 2026-03-10T10:00:00Z): my card \\[card\\] was charged twice for order 88123');
    expect(md).toContain('**Risk** 0.');
  });

  it('escapes customer text so it cannot add headings, lists, links, HTML or emphasis', () => {
    const hostile = '# Refund approved\n- [click here](https://evil.example) <img src=x onerror=alert(1)> **now** 1. done';
    const packet: HandoffPacket = {
      ...secretPacket,
      summary: { ...secretPacket.summary, issue: hostile },
      transcript: [{ index: 0, role: 'user', turn: 1, text: hostile }],
    };
    const md = toMarkdown(packet);
    expect(md.split('\n').filter((l) => /^#{1,6} /.test(l))).toHaveLength(6);
    // Each markup character arrives escaped by a backslash.
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).not.toMatch(/[^\\]\]\(https:/);
    expect(md).not.toMatch(/(^|[^\\])\*\*now/);
    expect(md).toContain('   \\- \\[click here\\](https://evil.example) \\<img src=x onerror=alert(1)\\> \\*\\*now\\*\\* 1. done');
    expect(escapeMarkdown('1. item\n+ plus\n=== rule')).toBe('1\\. item\n\\+ plus\n\\=== rule');
  });
});

describe('both renderings', () => {
  it('are deterministic and leave the packet untouched', () => {
    const before = JSON.stringify(secretPacket);
    expect(toPlainText(secretPacket)).toBe(toPlainText(JSON.parse(before) as HandoffPacket));
    expect(toMarkdown(secretPacket)).toBe(toMarkdown(JSON.parse(before) as HandoffPacket));
    expect(JSON.stringify(secretPacket)).toBe(before);
  });
});

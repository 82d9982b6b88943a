import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationSchema, type Conversation } from '../../src/schema/conversation';
import { parseOutcomesJsonl, shouldEscalate } from '../../src/feedback/outcome';

const root = join(__dirname, '..', '..');
const folder = join(root, 'examples', 'labelled');
const script = join(root, 'scripts', 'generate-labelled-example.js');
const FILES = ['conversations.jsonl', 'outcomes.jsonl'] as const;

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('examples/labelled', () => {
  const conversationsText = readFileSync(join(folder, 'conversations.jsonl'), 'utf8');
  const outcomesText = readFileSync(join(folder, 'outcomes.jsonl'), 'utf8');

  it('has schema-valid conversations, at least 200 of them, with unique ids', () => {
    const conversations: Conversation[] = lines(conversationsText).map((line, i) => {
      const parsed = ConversationSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`conversations.jsonl:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
    expect(conversations.length).toBeGreaterThanOrEqual(200);
    expect(new Set(conversations.map((c) => c.id)).size).toBe(conversations.length);
  });

  it('has one valid outcome per conversation, at least 40% of them gold negative', () => {
    const conversations = lines(conversationsText).map((line) => JSON.parse(line) as Conversation);
    const outcomes = parseOutcomesJsonl(outcomesText, 'outcomes.jsonl');
    expect(outcomes.map((o) => o.conversationId).sort()).toEqual(conversations.map((c) => c.id).sort());

    const negatives = outcomes.filter((o) => !shouldEscalate(o.outcome)).length;
    expect(negatives / outcomes.length).toBeGreaterThanOrEqual(0.4);
    // Both kinds are there in numbers, or there is nothing to tune.
    expect(outcomes.length - negatives).toBeGreaterThanOrEqual(0.4 * outcomes.length);

    // A positive names a turn the conversation has; a negative names none.
    const userTurns = new Map(conversations.map((c) => [c.id, c.messages.filter((m) => m.role === 'user').length]));
    for (const o of outcomes) {
      if (shouldEscalate(o.outcome)) {
        expect(o.idealTurn).toBeGreaterThanOrEqual(1);
        expect(o.idealTurn).toBeLessThanOrEqual(userTurns.get(o.conversationId) ?? 0);
      } else {
        expect(o.idealTurn).toBeUndefined();
      }
    }
  });

  it('is reproduced byte for byte by the generator', () => {
    const out = mkdtempSync(join(tmpdir(), 'wh-labelled-'));
    try {
      execFileSync(process.execPath, [script, out], { stdio: 'pipe' });
      for (const file of FILES) {
        expect(readFileSync(join(out, file)).equals(readFileSync(join(folder, file)))).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

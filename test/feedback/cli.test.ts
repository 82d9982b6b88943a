import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliRunner, removeTempDirs, tempDir } from '../helpers';
import { MeasureReportSchema, type MeasureReport } from '../../src/feedback/report';
import { CONVERSATIONS, OUTCOMES, toJsonl, writeMeasureFiles } from './data';

const run = cliRunner('measure');

afterAll(removeTempDirs);

describe('warm-handoff measure', () => {
  const dir = tempDir('wh-measure-');
  const { rules, logs, outcomes } = writeMeasureFiles(dir);

  it('prints a readable report, with redacted examples', () => {
    const r = run(logs, outcomes, '--rules', rules, '--workers', '1');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain('  conversations  6 replayed: 5 with an outcome, 1 without; 1 outcome with no conversation in the logs');
    expect(r.out).toContain('  escalated      4 of 6 (rate 67%)');
    expect(r.out).toContain('  precision      0.667   recall 0.667   F1 0.667');
    expect(r.out).toContain('  confusion      tp 2  fp 1  fn 1  tn 1');
    expect(r.out).toContain('  early 0, on time 1, late 1; mean +0.50 turns');
    expect(r.out).toMatch(/^ {2}long-conversation +escalate +1 +1 +1 +100% +50%$/m);
    expect(r.out).toMatch(/^ {7}4 {2}sorry, i did not get that\. {2}\(2 escalations, 2 fallbacks; 2 conversations, needed 100% of 1 with an outcome\)$/m);
    expect(r.out).toContain('c6 turn 2: "yes, [card] is the card"');
    expect(r.out).not.toMatch(/4111/);
  }, 60_000);

  it('prints the report as JSON with --json, the same with 1 and 2 workers, and draws no progress when not on a terminal', () => {
    // Three copies with distinct ids, so the pool really splits the work (8 conversations per chunk).
    const many = [0, 1, 2].flatMap((k) => CONVERSATIONS.map((c) => ({ ...c, id: `${c.id}-${k}` })));
    const manyLogs = join(dir, 'many.jsonl');
    const manyOutcomes = join(dir, 'many-outcomes.jsonl');
    writeFileSync(manyLogs, toJsonl(many));
    writeFileSync(manyOutcomes, toJsonl([0, 1, 2].flatMap((k) => OUTCOMES.map((o) => ({ ...o, conversationId: `${o.conversationId}-${k}` })))));
    const one = run(manyLogs, manyOutcomes, '--rules', rules, '--json', '--workers', '1');
    const two = run(manyLogs, manyOutcomes, '--rules', rules, '--json', '--workers', '2');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.err).toBe('');
    expect(two.out).toBe(one.out);
    const report: MeasureReport = MeasureReportSchema.parse(JSON.parse(two.out));
    expect(report.counts.conversations).toBe(18);
    expect(report.confusion).toEqual({ tp: 6, fp: 3, fn: 3, tn: 3 });
    expect(report.botGaps.botReplies[0]).toMatchObject({ key: 'sorry, i did not get that.', events: 12, conversations: 6 });
  }, 60_000);

  it('reads a folder of logs', () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.jsonl'), toJsonl(CONVERSATIONS.slice(0, 3)));
    writeFileSync(join(folder, 'b.json'), JSON.stringify(CONVERSATIONS[3]));
    const r = run(folder, outcomes, '--rules', rules, '--json', '--workers', '1');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as MeasureReport).counts).toMatchObject({ conversations: 4, withOutcome: 4, outcomesWithoutConversation: 2 });
  }, 60_000);

  it('fails with one line naming file:line and path, and never the text, on bad input', () => {
    const badOutcomes = join(dir, 'bad-outcomes.jsonl');
    writeFileSync(badOutcomes, `${JSON.stringify(OUTCOMES[0])}\n${JSON.stringify({ conversationId: 'c2', outcome: 'late', idealTurn: 0 })}\n`);
    const a = run(logs, badOutcomes, '--rules', rules);
    expect(a.code).toBe(2);
    expect(a.out).toBe('');
    expect(a.err).toBe(`warm-handoff: Invalid outcomes in ${badOutcomes}: 1 problem; ${badOutcomes}:2: idealTurn: expected a number >= 1, found 0\n`);

    const badLogs = join(dir, 'bad-logs.jsonl');
    writeFileSync(badLogs, `${JSON.stringify(CONVERSATIONS[0])}\n${JSON.stringify({ id: 'x', messages: [{ role: 'robot', text: 'my card 4111 1111 1111 1111' }] })}\n`);
    const b = run(badLogs, outcomes, '--workers', '1');
    expect(b.code).toBe(2);
    expect(b.err).toMatch(new RegExp(`^warm-handoff: Invalid conversations in .*: 1 problem; .*bad-logs\\.jsonl:2: messages\\[0\\]\\.role: expected 'user'`));
    expect(b.err.trim().split('\n')).toHaveLength(1);

    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, '{"id": "x", "messages": [{"role": "user", "text": "card 4111 1111 1111 1111"\n');
    const c = run(broken, outcomes);
    expect(c.code).toBe(2);
    expect(c.err).toBe(`warm-handoff: ${broken}:1 is not valid JSON\n`);

    expect(run(logs).code).toBe(2);
    expect(run(logs, join(dir, 'nope.jsonl')).err).toMatch(/^warm-handoff: cannot read outcomes file .*nope\.jsonl \(ENOENT\)\n$/);
  }, 60_000);
});

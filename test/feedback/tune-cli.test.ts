import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliRunner, removeTempDirs, tempDir } from '../helpers';
import { TuneReportSchema } from '../../src/feedback/tune-report';
import { DEFAULT_RULES_DIR } from '../../src/rules/default-pack';
import { oneFallbackTeam } from './tune-data';

const run = cliRunner('tune');

afterAll(removeTempDirs);

type RuleDoc = { name: string; conditions: { all: { value: unknown }[] } };

describe('warm-handoff tune', () => {
  const dir = tempDir('wh-tune-');
  const logs = join(dir, 'logs.jsonl');
  const outcomes = join(dir, 'outcomes.jsonl');
  const { conversations, outcomes: labels } = oneFallbackTeam();
  writeFileSync(logs, conversations.map((c) => JSON.stringify(c)).join('\n'));
  writeFileSync(outcomes, labels.map((o) => JSON.stringify(o)).join('\n'));

  it('prints held-out figures and the changed number, and writes a pack that differs only there', () => {
    const out = join(dir, 'tuned');
    const r = run(logs, outcomes, '--folds', '4', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Tuned 7 numbers on 24 labelled conversations, maximising F1');
    expect(r.out).toMatch(/^ {2}held out {3}before +- +0\.000 +0\.000 +0\.000 +tp 0 fp 0 fn 12 tn 12$/m);
    expect(r.out).toMatch(/^ {2}held out {3}after +1\.000 +1\.000 +1\.000 +1\.000 +tp 12 fp 0 fn 0 tn 12$/m);
    expect(r.out).toContain('  repeated-bot-failure conditions.all[0].value (bot.consecutiveFallbacks greaterThanInclusive): 2 -> 1   held-out F1 0.000 -> 1.000   folds chose 1, 1, 1, 1');
    const files = readdirSync(out).sort();
    expect(files).toEqual(readdirSync(DEFAULT_RULES_DIR).filter((f) => f.endsWith('.json')).sort());
    const differ = files.filter((f) => readFileSync(join(out, f), 'utf8') !== readFileSync(join(DEFAULT_RULES_DIR, f), 'utf8'));
    expect(differ).toEqual(['repeated-bot-failure.json']);
    const before = JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'repeated-bot-failure.json'), 'utf8'));
    before.conditions.all[0].value = 1;
    expect(JSON.parse(readFileSync(join(out, 'repeated-bot-failure.json'), 'utf8'))).toEqual(before);
    // The tuned folder is a pack the CLI loads.
    const again = run(logs, outcomes, '--folds', '4', '--rules', out, '--json');
    expect(again.code).toBe(0);
    expect(TuneReportSchema.parse(JSON.parse(again.out)).before.f1).toBe(1);
  }, 60_000);

  it('writes a pack given as one document back as one document', () => {
    const single = join(dir, 'pack.json');
    const rules = readdirSync(DEFAULT_RULES_DIR)
      .filter((f) => f.endsWith('.json') && f !== 'risk-weights.json')
      .sort()
      .map((f) => JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, f), 'utf8')) as RuleDoc);
    writeFileSync(single, JSON.stringify({ rules }));
    const out = join(dir, 'tuned-single');
    const r = run(logs, outcomes, '--folds', '3', '--rules', single, '--out', out);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['pack.json']);
    const tuned = JSON.parse(readFileSync(join(out, 'pack.json'), 'utf8')) as { rules: RuleDoc[] };
    expect(tuned.rules.find((rule) => rule.name === 'repeated-bot-failure')?.conditions.all[0]?.value).toBe(1);
    expect(tuned.rules.filter((rule) => rule.name !== 'repeated-bot-failure')).toEqual(rules.filter((rule) => rule.name !== 'repeated-bot-failure'));
  }, 60_000);

  it('writes the HTML report with a curve per tunable number', () => {
    const page = join(dir, 'report.html');
    const r = run(logs, outcomes, '--folds', '3', '--report', page);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(`\nHTML report written to ${page}\n`);
    const html = readFileSync(page, 'utf8');
    expect(html.match(/<svg class="chart" data-chart="curve"/g)).toHaveLength(7);
    expect(html).toContain('repeated-bot-failure');
  }, 60_000);

  it('improves held-out F1 on the worked example in examples/labelled', () => {
    const example = join(__dirname, '..', '..', 'examples', 'labelled');
    const r = run(join(example, 'conversations.jsonl'), join(example, 'outcomes.jsonl'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}held out {3}before +0\.722 +0\.788 +0\.754 +0\.754 +tp 104 fp 40 fn 28 tn 108$/m);
    expect(r.out).toMatch(/^ {2}held out {3}after +0\.905 +0\.939 +0\.922 +0\.922 +tp 124 fp 13 fn 8 tn 135$/m);
    expect(r.out).toContain('Changed (5 of 7)');
    expect(r.out).toContain('repeated-bot-failure conditions.all[0].value (bot.consecutiveFallbacks greaterThanInclusive): 2 -> 3');
  }, 120_000);

  it('takes a cost table as the objective', () => {
    const r = run(logs, outcomes, '--folds', '3', '--objective', 'cost:5:20', '--json');
    expect(r.code).toBe(0);
    const report = TuneReportSchema.parse(JSON.parse(r.out));
    expect(report.objective).toEqual({ kind: 'cost', unneededCost: 5, missedCost: 20 });
    expect(report.before.objective).toBe(-10);
  }, 60_000);

  it('refuses a bad objective, a folder that is not empty and missing arguments, with exit code 2', () => {
    expect(run(logs, outcomes, '--objective', 'accuracy')).toMatchObject({ code: 2, err: expect.stringContaining("--objective expects f1, f2, f0.5, fbeta:B or cost:UNNEEDED:MISSED (agent minutes), found 'accuracy'") });
    expect(run(logs, outcomes, '--out', dir)).toMatchObject({ code: 2, err: expect.stringContaining('is not empty') });
    expect(run(logs)).toMatchObject({ code: 2, err: expect.stringContaining("'tune' needs a conversations file or folder and an outcomes JSONL file") });
  }, 60_000);
});

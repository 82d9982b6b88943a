import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, tempDir } from '../helpers';
import { main } from '../../src/cli/main';
import { RiskWeightsSchema } from '../../src/decision/risk';
import { loadRulePack } from '../../src/rules/load-pack';
import { botErrorSet } from '../feedback/risk-data';
import { toJsonl } from '../feedback/data';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterAll(removeTempDirs);

describe('warm-handoff fit-risk', () => {
  const dir = tempDir('wh-fit-risk-');
  const { conversations, outcomes } = botErrorSet();
  const logs = join(dir, 'logs.jsonl');
  const outcomesFile = join(dir, 'outcomes.jsonl');
  writeFileSync(logs, toJsonl(conversations));
  writeFileSync(outcomesFile, toJsonl(outcomes));

  it('prints the held-out comparison and writes weights a rule pack folder loads', async () => {
    const packDir = tempDir('wh-fit-risk-pack-');
    writeFileSync(
      join(packDir, 'asks.json'),
      JSON.stringify({
        name: 'asks-for-person',
        description: 'The customer asked for a person.',
        conditions: { all: [{ fact: 'humanRequest.detected', operator: 'equal', value: true }] },
        event: { type: 'escalate', params: { reason: 'human_request', priority: 'high' } },
      }),
    );
    const file = join(packDir, 'risk-weights.json');
    const r = await cli('fit-risk', logs, outcomesFile, '--out', file, '--folds', '4');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Risk weights fitted on 24 conversations with an outcome: 36 user turns, 12 of them where a person was needed');
    expect(r.out).toContain('4-fold cross-validation by conversation (seed 1), L2 penalty 1');
    expect(r.out).toMatch(/^ {25}log-loss {6}AUC {4}Brier$/m);
    expect(r.out).toMatch(/^ {2}held out {3}fitted +\d\.\d{4} +1\.0000 +\d\.\d{4}$/m);
    expect(r.out).toMatch(/^ {13}hand-set +\d\.\d{4} +0\.\d{4} +\d\.\d{4}$/m);
    expect(r.out).toMatch(/^ {2}training {3}fitted +\d\.\d{4} +1\.0000 +\d\.\d{4}$/m);
    expect(r.out).toMatch(/^ {2}botError +[3-9]\.\d{3} +0\.000$/m);
    expect(r.out).toContain(`Weights written to ${file}`);
    const weights = RiskWeightsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(weights.fitted).toMatchObject({ source: logs, folds: 4, conversations: 24 });
    expect(loadRulePack(packDir).riskWeights).toEqual(weights);
  });

  it('writes the weights JSON to standard output without --out, and the table to standard error', async () => {
    const r = await cli('fit-risk', logs, outcomesFile);
    expect(r.code).toBe(0);
    const weights = RiskWeightsSchema.parse(JSON.parse(r.out));
    expect(weights.botError).toBeGreaterThan(3);
    expect(weights.fitted?.folds).toBe(5);
    expect(r.err).toContain('held out   fitted');
    expect((await cli('fit-risk', logs, outcomesFile)).out).toBe(r.out);
  });

  it('names a bad outcome line or conversation line, and refuses bad usage', async () => {
    const badOutcomes = join(dir, 'bad-outcomes.jsonl');
    writeFileSync(badOutcomes, toJsonl([outcomes[0], { conversationId: 'fine-1', outcome: 'maybe' }]));
    const bad = await cli('fit-risk', logs, badOutcomes);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(`${badOutcomes}:2: outcome`);

    const badLogs = join(dir, 'bad-logs.jsonl');
    writeFileSync(badLogs, toJsonl([conversations[0], { id: 'x', messages: [{ role: 'robot', text: 'hi' }] }]));
    const badLog = await cli('fit-risk', badLogs, outcomesFile);
    expect(badLog.code).toBe(2);
    expect(badLog.err).toContain(`${badLogs}:2: messages[0].role`);

    const tooMany = await cli('fit-risk', logs, outcomesFile, '--folds', '30');
    expect(tooMany.code).toBe(2);
    expect(tooMany.err).toMatch(/options\.folds: expected at least 30 conversations/);

    expect((await cli('fit-risk', logs)).err).toMatch(/'fit-risk' needs a conversations file or folder and an outcomes JSONL file/);
    expect((await cli('fit-risk', logs, join(dir, 'none.jsonl'))).err).toMatch(/cannot read outcomes file .*none\.jsonl \(ENOENT\)/);
    expect((await cli('fit-risk', join(dir, 'none.jsonl'), outcomesFile)).err).toMatch(/cannot read conversations .*none\.jsonl \(ENOENT\)/);
    const folds = await cli('fit-risk', logs, outcomesFile, '--folds', '1');
    expect(folds.code).toBe(2);
    expect(folds.err).toMatch(/--folds expects a whole number from 2 to 100, found '1'/);
  });

  it('is listed in the usage text', async () => {
    const r = await cli('--help');
    expect(r.out).toMatch(/fit-risk LOGS OUTCOMES/);
    expect(r.out).toMatch(/--out FILE/);
    expect(r.out).toMatch(/--folds N/);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesDir, removeTempDirs, rulePackIssuesOf } from '../helpers';
import { loadRulePack, RISK_WEIGHTS_FILE } from '../../src/rules/load-pack';
import { DEFAULT_RULES_DIR, defaultRiskWeights, defaultRulePack } from '../../src/rules/default-pack';
import { HAND_SET_RISK_WEIGHTS, RiskWeightsSchema, riskOf, type RiskWeights } from '../../src/decision/risk';
import { createEscalator } from '../../src/escalator';
import { fitRiskWeights } from '../../src/feedback/risk-model';
import { parseOutcomesJsonl } from '../../src/feedback/outcome';
import type { Facts } from '../../src/schema/facts';

const rule = {
  name: 'asks-for-person',
  description: 'The customer asked for a person.',
  conditions: { all: [{ fact: 'humanRequest.detected', operator: 'equal', value: true }] },
  event: { type: 'escalate', params: { reason: 'human_request', priority: 'high' } },
};

const WEIGHTS: RiskWeights = { ...HAND_SET_RISK_WEIGHTS, bias: 1.5, frustration: 0.25 };

const conversation = { id: 'w', messages: [{ role: 'user' as const, text: 'where is my parcel' }] };

afterAll(removeTempDirs);

describe('risk-weights.json in a rule pack folder', () => {
  it('is read as the pack’s risk weights, not as a rule, and createEscalator scores with it', async () => {
    const pack = loadRulePack(filesDir({ 'a.json': rule, [RISK_WEIGHTS_FILE]: WEIGHTS }));
    expect(pack.rules.map((r) => r.name)).toEqual(['asks-for-person']);
    expect(pack.riskWeights).toEqual(WEIGHTS);
    expect(Object.isFrozen(pack.riskWeights)).toBe(true);
    const result = await createEscalator({ rules: pack }).evaluate(conversation);
    expect(result.decision.risk).toBe(riskOf(result.trace.facts as unknown as Facts, WEIGHTS));
    expect(result.decision.risk).toBeGreaterThan(0.8); // a bias of 1.5 alone
  });

  it('gives way to createEscalator({ riskWeights })', async () => {
    const pack = loadRulePack(filesDir({ 'a.json': rule, [RISK_WEIGHTS_FILE]: WEIGHTS }));
    const result = await createEscalator({ rules: pack, riskWeights: HAND_SET_RISK_WEIGHTS }).evaluate(conversation);
    expect(result.decision.risk).toBe(riskOf(result.trace.facts as unknown as Facts, HAND_SET_RISK_WEIGHTS));
  });

  it('is optional: a pack without one scores with the weights shipped with the package', async () => {
    const pack = loadRulePack(filesDir({ 'a.json': rule }));
    expect(pack.riskWeights).toBeUndefined();
    const result = await createEscalator({ rules: pack }).evaluate(conversation);
    expect(result.decision.risk).toBe(riskOf(result.trace.facts as unknown as Facts, defaultRiskWeights()));
  });

  it('is refused, naming the file and the JSON path, when a weight is wrong', () => {
    const { botLoop: _dropped, ...missing } = WEIGHTS;
    expect(rulePackIssuesOf(() => loadRulePack(filesDir({ 'a.json': rule, [RISK_WEIGHTS_FILE]: { ...missing, frustration: 'high' } })))).toEqual([
      { path: 'risk-weights.json: frustration', message: expect.stringMatching(/expected number/) },
      { path: 'risk-weights.json: botLoop', message: expect.stringMatching(/expected number, found nothing/) },
    ]);
    expect(rulePackIssuesOf(() => loadRulePack(filesDir({ 'a.json': rule, [RISK_WEIGHTS_FILE]: { ...WEIGHTS, fitted: { folds: 5 } } }))).map((i) => i.path)).toContain(
      'risk-weights.json: fitted.conversations',
    );
    expect(rulePackIssuesOf(() => loadRulePack(filesDir({ 'a.json': rule, [RISK_WEIGHTS_FILE]: [1, 2] })))).toEqual([
      { path: 'risk-weights.json', message: expect.stringMatching(/expected object/) },
    ]);
  });

  it('is refused, naming the file, when it is not JSON; and reported with the rules’ problems in one error', () => {
    expect(rulePackIssuesOf(() => loadRulePack(filesDir({ 'a.json': rule, [RISK_WEIGHTS_FILE]: '{ "bias": ' })))).toEqual([
      { path: 'risk-weights.json', message: expect.stringMatching(/^malformed JSON/) },
    ]);
    const both = rulePackIssuesOf(() => loadRulePack(filesDir({ 'a.json': { ...rule, name: 'Bad Name' }, [RISK_WEIGHTS_FILE]: { ...WEIGHTS, bias: null } })));
    expect(both.map((i) => i.path)).toEqual(['a.json: name', 'risk-weights.json: bias']);
  });

  it('alone is not a pack', () => {
    expect(rulePackIssuesOf(() => loadRulePack(filesDir({ [RISK_WEIGHTS_FILE]: WEIGHTS })))[0]?.message).toMatch(/no \.json rule files/);
  });
});

describe('the default pack’s risk weights', () => {
  it('are the fitted ones shipped in rules/default/risk-weights.json, and the escalator uses them by default', async () => {
    const shipped = RiskWeightsSchema.parse(JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, RISK_WEIGHTS_FILE), 'utf8')));
    expect(defaultRulePack().riskWeights).toEqual(shipped);
    expect(defaultRiskWeights()).toEqual(shipped);
    expect(shipped.fitted?.heldOut.fitted.auc).toEqual(expect.any(Number));
    const result = await createEscalator().evaluate(conversation);
    expect(result.decision.risk).toBe(riskOf(result.trace.facts as unknown as Facts, shipped));
  });

  it('are what fit-risk gives on examples/labelled (after a change to the analysis, rerun the command in the README)', async () => {
    const root = join(__dirname, '..', '..');
    const text = (file: string): string => readFileSync(join(root, 'examples', 'labelled', file), 'utf8');
    const conversations = text('conversations.jsonl').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as unknown);
    const { weights } = await fitRiskWeights(conversations, parseOutcomesJsonl(text('outcomes.jsonl')), { source: 'examples/labelled/conversations.jsonl' });
    expect(JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, RISK_WEIGHTS_FILE), 'utf8'))).toEqual(weights);
  }, 60_000);
});

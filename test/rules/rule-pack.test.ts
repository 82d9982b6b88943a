import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, tempDir } from '../helpers';
import { loadRulePack } from '../../src/rules/load-pack';
import { parseRulePack } from '../../src/rules/parse-pack';
import { defaultRulePack } from '../../src/rules/default-pack';
import { RulePackError } from '../../src/errors';

const goodRule = {
  name: 'asks-for-person',
  description: 'The customer asked for a person.',
  conditions: { all: [{ fact: 'humanRequest.detected', operator: 'equal', value: true }] },
  event: { type: 'escalate', params: { reason: 'human_request', priority: 'high' } },
};

function packDir(files: Record<string, string | object>): string {
  const dir = tempDir('wh-pack-');
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

function issuesOf(load: () => unknown): { path: string; message: string }[] {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(RulePackError);
    return (error as RulePackError).issues.map(({ path, message }) => ({ path, message }));
  }
  throw new Error('expected a RulePackError');
}

afterAll(removeTempDirs);

describe('the default rule pack', () => {
  const pack = defaultRulePack();

  it('loads, with a name and a description on every rule', () => {
    expect(pack.rules.length).toBeGreaterThanOrEqual(14);
    for (const rule of pack.rules) {
      expect(rule.name).toMatch(/^[a-z0-9-]+$/);
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });

  it('covers every trigger the product promises', () => {
    const reasons = pack.rules.flatMap((r) => (r.event.type === 'escalate' ? [r.event.params.reason] : []));
    expect(reasons).toEqual(
      expect.arrayContaining([
        'human_request',
        'bot_failure',
        'negative_sentiment',
        'frustration',
        'repetition',
        'fraud',
        'account_compromise',
        'bereavement',
        'legal_threat',
        'safety',
        'cancellation',
        'high_value_negative',
      ]),
    );
    expect(pack.rules.some((r) => r.event.type === 'suppress')).toBe(true);
  });

  it('gives each sensitive topic urgent priority and its own queue', () => {
    const topicRules = pack.rules.filter((r) => r.name.startsWith('topic-'));
    expect(topicRules).toHaveLength(6);
    const queues = new Set<string>();
    for (const rule of topicRules) {
      if (rule.event.type !== 'escalate') throw new Error(`${rule.name} should escalate`);
      expect(rule.event.params.priority).toBe('urgent');
      queues.add(rule.event.params.queue ?? '');
    }
    expect(queues.size).toBe(6);
  });

  it('is frozen, so no caller can change it for others', () => {
    expect(Object.isFrozen(pack.rules[0])).toBe(true);
  });
});

describe('loading a rule pack', () => {
  it('reads a folder of rule files', () => {
    expect(loadRulePack(packDir({ 'a.json': goodRule })).rules).toHaveLength(1);
  });

  it('reads one document holding { rules: [...] }', () => {
    const dir = packDir({ 'pack.json': { rules: [goodRule, { ...goodRule, name: 'other' }] } });
    expect(loadRulePack(join(dir, 'pack.json')).rules.map((r) => r.name)).toEqual(['asks-for-person', 'other']);
  });

  it.each([
    ['an unknown fact', { conditions: { all: [{ fact: 'sentiment.curent', operator: 'lessThan', value: 0 }] } }, 'bad.json: conditions.all[0].fact', /known fact name/],
    ['an unknown operator', { conditions: { all: [{ fact: 'sentiment.current', operator: 'below', value: 0 }] } }, 'bad.json: conditions.all[0].operator', /expected 'equal' \|/],
    ['an unknown event type', { event: { type: 'page', params: {} } }, 'bad.json: event.type', /'escalate' \| 'route' \| 'suppress'/],
    ['a wrong param type', { event: { type: 'escalate', params: { reason: 'x', priority: 'critical' } } }, 'bad.json: event.params.priority', /'urgent' \| 'high'/],
    ['a missing description', { description: undefined }, 'bad.json: description', /required/],
    ['an operator that does not fit the fact', { conditions: { all: [{ fact: 'humanRequest.detected', operator: 'greaterThan', value: 1 }] } }, 'bad.json: conditions.all[0].operator', /compares numbers.*boolean/],
    ['a nested unknown fact', { conditions: { any: [{ all: [{ fact: 'nope', operator: 'equal', value: 1 }] }] } }, 'bad.json: conditions.any[0].all[0].fact', /known fact/],
    ['a JSON path on a condition', { conditions: { all: [{ fact: 'topics.sensitive', operator: 'contains', value: 'fraud', path: '$..x' }] } }, 'bad.json: conditions.all[0]', /unknown key 'path'/],
  ])('refuses %s, naming the file and JSON path', (_kind, change, path, message) => {
    const issues = issuesOf(() => loadRulePack(packDir({ 'bad.json': { ...goodRule, ...change } })));
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses duplicate rule names across files', () => {
    const issues = issuesOf(() => loadRulePack(packDir({ 'a.json': goodRule, 'b.json': goodRule })));
    expect(issues).toEqual([{ path: 'b.json: name', message: expect.stringMatching(/already used/) }]);
  });

  it('refuses malformed JSON with the file name', () => {
    const issues = issuesOf(() => loadRulePack(packDir({ 'broken.json': '{ "name": ' })));
    expect(issues).toEqual([{ path: 'broken.json', message: expect.stringMatching(/malformed JSON/) }]);
  });

  it('refuses a missing folder and an empty one', () => {
    expect(issuesOf(() => loadRulePack('/no/such/folder'))[0]?.message).toMatch(/no such file/);
    expect(issuesOf(() => loadRulePack(packDir({})))[0]?.message).toMatch(/no \.json rule files/);
  });

  it('accepts attributes.* facts', () => {
    const rule = { ...goodRule, conditions: { all: [{ fact: 'attributes.plan', operator: 'equal', value: 'premium' }] } };
    expect(parseRulePack([{ content: rule }]).rules[0]?.name).toBe('asks-for-person');
  });
});

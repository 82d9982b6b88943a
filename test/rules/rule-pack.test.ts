import { join } from 'node:path';
import { filesDir, removeTempDirs, rulePackIssuesOf } from '../helpers';
import { loadRulePack } from '../../src/rules/load-pack';
import { parseRulePack } from '../../src/rules/parse-pack';
import { defaultRulePack } from '../../src/rules/default-pack';

const goodRule = {
  name: 'asks-for-person',
  description: 'The customer asked for a person.',
  conditions: { all: [{ fact: 'humanRequest.detected', operator: 'equal', value: true }] },
  event: { type: 'escalate', params: { reason: 'human_request', priority: 'high' } },
};

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
    expect(loadRulePack(filesDir({ 'a.json': goodRule })).rules).toHaveLength(1);
  });

  it('reads one document holding { rules: [...] }', () => {
    const dir = filesDir({ 'pack.json': { rules: [goodRule, { ...goodRule, name: 'other' }] } });
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
    ['a tunable marker on a value that is not a number', { conditions: { all: [{ fact: 'humanRequest.detected', operator: 'equal', value: true, tunable: { min: 0, max: 1, step: 1 } }] } }, 'bad.json: conditions.all[0].tunable', /only a number/],
    ['a tunable number outside its range', { conditions: { all: [{ fact: 'frustration.score', operator: 'greaterThan', value: 0.9, tunable: { min: 0.1, max: 0.5, step: 0.1 } }] } }, 'bad.json: conditions.all[0].value', /within the tunable range 0.1 to 0.5, found 0.9/],
    ['a tunable range upside down', { conditions: { all: [{ fact: 'frustration.score', operator: 'greaterThan', value: 0.3, tunable: { min: 0.5, max: 0.1, step: 0.1 } }] } }, 'bad.json: conditions.all[0].tunable', /min <= max/],
    ['a tunable step of zero', { conditions: { all: [{ fact: 'frustration.score', operator: 'greaterThan', value: 0.3, tunable: { min: 0.1, max: 0.5, step: 0 } }] } }, 'bad.json: conditions.all[0].tunable.step', /> ?0/],
    ['a JSON path on a condition', { conditions: { all: [{ fact: 'topics.sensitive', operator: 'contains', value: 'fraud', path: '$..x' }] } }, 'bad.json: conditions.all[0]', /unknown key 'path'/],
  ])('refuses %s, naming the file and JSON path', (_kind, change, path, message) => {
    const issues = rulePackIssuesOf(() => loadRulePack(filesDir({ 'bad.json': { ...goodRule, ...change } })));
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('refuses duplicate rule names across files', () => {
    const issues = rulePackIssuesOf(() => loadRulePack(filesDir({ 'a.json': goodRule, 'b.json': goodRule })));
    expect(issues).toEqual([{ path: 'b.json: name', message: expect.stringMatching(/already used/) }]);
  });

  it('refuses malformed JSON with the file name', () => {
    const issues = rulePackIssuesOf(() => loadRulePack(filesDir({ 'broken.json': '{ "name": ' })));
    expect(issues).toEqual([{ path: 'broken.json', message: expect.stringMatching(/malformed JSON/) }]);
  });

  it('refuses a missing folder and an empty one', () => {
    expect(rulePackIssuesOf(() => loadRulePack('/no/such/folder'))[0]?.message).toMatch(/no such file/);
    expect(rulePackIssuesOf(() => loadRulePack(filesDir({})))[0]?.message).toMatch(/no \.json rule files/);
  });

  it('accepts attributes.* facts', () => {
    const rule = { ...goodRule, conditions: { all: [{ fact: 'attributes.plan', operator: 'equal', value: 'premium' }] } };
    expect(parseRulePack([{ content: rule }]).rules[0]?.name).toBe('asks-for-person');
  });
});

describe('rule-pack safety', () => {
  it('explains why a JSON-path condition is refused', () => {
    const bad = { ...goodRule, conditions: { all: [{ fact: 'attributes.plan', operator: 'equal', value: 'x', path: '$.constructor' }] } };
    expect(rulePackIssuesOf(() => loadRulePack(filesDir({ 'bad.json': bad })))).toEqual([
      { path: 'bad.json: conditions.all[0]', message: expect.stringMatching(/JSON-path conditions are not allowed, since a path could reach outside the facts/) },
    ]);
    const inValue = { ...goodRule, conditions: { all: [{ fact: 'turns.user', operator: 'equal', value: { fact: 'turns.bot', path: '$..x' } }] } };
    expect(rulePackIssuesOf(() => loadRulePack(filesDir({ 'ref.json': inValue })))[0]?.message).toMatch(/could reach outside the facts/);
  });

  it('refuses a pack of more than 500 rules, naming the first rule over', () => {
    const rules = Array.from({ length: 501 }, (_, i) => ({ ...goodRule, name: `rule-${i}` }));
    expect(rulePackIssuesOf(() => loadRulePack(join(filesDir({ 'big.json': { rules } }), 'big.json')))).toEqual([
      { path: 'big.json: rules[500].name', message: 'expected at most 500 rules in a pack, found 501' },
    ]);
  });

  it('refuses a folder whose files add up to more than 4 MB, naming the file', () => {
    const padding = { ...goodRule, description: 'x'.repeat(900_000) };
    const files = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`r${i}.json`, { ...padding, name: `rule-${i}` }]));
    expect(rulePackIssuesOf(() => loadRulePack(filesDir(files)))).toEqual([
      { path: 'r4.json', message: expect.stringMatching(/add up to more than 4194304 bytes by this one/) },
    ]);
  });

  it('refuses one file over 1 MB', () => {
    const issues = rulePackIssuesOf(() => loadRulePack(filesDir({ 'huge.json': { ...goodRule, description: 'x'.repeat(1_100_000) } })));
    expect(issues).toEqual([{ path: 'huge.json', message: 'file is larger than 1048576 bytes' }]);
  });

  it('refuses conditions nested absurdly deep, with the path, instead of overflowing the stack', () => {
    let condition: object = { fact: 'turns.user', operator: 'equal', value: 1 };
    for (let i = 0; i < 5_000; i += 1) condition = { not: condition };
    const issues = rulePackIssuesOf(() => parseRulePack([{ file: 'deep.json', content: { ...goodRule, conditions: { not: condition } } }]));
    expect(issues).toEqual([{ path: expect.stringMatching(/^deep\.json: conditions\.not\.not\.not/), message: expect.stringMatching(/at most 32 levels/) }]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as a key in rule params or conditions, and pollutes nothing', (key) => {
    const inParams = JSON.parse(`{"reason":"x","priority":"high","${key}":{"polluted":true}}`) as object;
    const inCondition = JSON.parse(`{"fact":"turns.user","operator":"equal","value":1,"${key}":{"polluted":true}}`) as object;
    const issues = rulePackIssuesOf(() =>
      parseRulePack([
        { file: 'a.json', content: { ...goodRule, event: { type: 'escalate', params: inParams } } },
        { file: 'b.json', content: { ...goodRule, name: 'b', conditions: { all: [inCondition] } } },
      ]),
    );
    expect(issues).toEqual([
      { path: 'a.json: event.params', message: expect.stringContaining(`unknown key '${key}'`) },
      { path: 'b.json: conditions.all[0]', message: expect.stringContaining(`unknown key '${key}'`) },
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

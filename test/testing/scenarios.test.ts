import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario, runScenarios, readScenario, scenarioFiles } from '../../src/testing/run-scenarios';
import { ScenarioSchema } from '../../src/schema/scenario';
import { scenarioJsonSchema } from '../../src/json-schemas';
import { escalator } from './rule-packs';
import { removeTempDirs, tempDir } from '../helpers';

afterAll(removeTempDirs);

const root = join(__dirname, '..', '..');

const VIP_RULE = {
  name: 'vip-first-fallback',
  description: 'A VIP goes to a person after one bot fallback.',
  conditions: {
    all: [
      { fact: 'customer.tier', operator: 'equal', value: 'vip' },
      { fact: 'bot.consecutiveFallbacks', operator: 'greaterThanInclusive', value: 1 },
    ],
  },
  event: { type: 'escalate', params: { reason: 'vip_bot_failure', priority: 'high', queue: 'priority' } },
};

/** A VIP whose first message the bot fails on, then two answered turns: escalates at turn 1 under VIP_RULE. */
function scenario(extra: Record<string, unknown> = {}, expect: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'vip-fallback',
    description: 'A VIP the bot does not understand once.',
    conversation: {
      id: 's-1',
      customer: { tier: 'vip' },
      messages: [
        { role: 'user', text: 'my flux capacitor is wobbling' },
        { role: 'bot', text: "Sorry, I didn't get that.", fallback: true },
        { role: 'user', text: 'where is my parcel' },
        { role: 'bot', text: 'Your parcel arrives on Tuesday.' },
        { role: 'user', text: 'ok' },
      ],
    },
    expect: { escalate: true, action: 'handoff', priority: 'high', queue: 'priority', reasons: ['vip_bot_failure'], ...expect },
    ...extra,
  };
}

function folder(): string {
  return tempDir('wh-scenarios-');
}

function write(dir: string, name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

describe('scenario files: their own rule pack', () => {
  it('loads "rules" as a path relative to the scenario file, not to the working directory', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'team-rules'));
    write(join(dir, 'team-rules'), 'vip.json', VIP_RULE);
    mkdirSync(join(dir, 'scenarios'));
    const file = write(join(dir, 'scenarios'), 'vip.json', scenario({ rules: '../team-rules' }));
    const outcome = await runScenario(file);
    expect(outcome.problems).toEqual([]);
    expect(outcome).toMatchObject({ passed: true, firstEscalationTurn: 1 });
    expect(outcome.result?.decision.reasons.map((r) => r.rule)).toEqual(['vip-first-fallback']);
  });

  it('accepts an inline pack { "rules": [...] }, and a single rule file', async () => {
    const dir = folder();
    expect((await runScenario(write(dir, 'inline.json', scenario({ rules: { rules: [VIP_RULE] } })))).problems).toEqual([]);
    write(dir, 'vip-rule.json', VIP_RULE);
    expect((await runScenario(write(dir, 'file.json', scenario({ rules: 'vip-rule.json' })))).problems).toEqual([]);
  });

  it('without "rules", runs the runner’s pack: the same scenario then fails', async () => {
    const outcome = await runScenario(write(folder(), 'plain.json', scenario()), escalator);
    expect(outcome.passed).toBe(false);
    expect(outcome.problems[0]).toBe('escalate: expected true, got false');
  });

  it('reports a missing or invalid pack as a failed scenario naming the problem, without throwing', async () => {
    const dir = folder();
    const missing = await runScenario(write(dir, 'missing.json', scenario({ rules: 'no-such-pack' })));
    expect(missing).toMatchObject({ passed: false, result: null, name: 'missing' });
    expect(missing.error).toBe(`Cannot load rule pack; ${join(dir, 'no-such-pack')}: no such file or folder (ENOENT)`);

    const bad = { ...VIP_RULE, conditions: { all: [{ fact: 'customer.tierr', operator: 'equal', value: 'vip' }] } };
    const invalid = await runScenario(write(dir, 'invalid.json', scenario({ rules: { rules: [bad] } })));
    expect(invalid.error).toMatch(/^Invalid scenario .*invalid\.json: 1 problem; rules\.rules\[0\]\.conditions\.all\[0\]\.fact: expected a known fact name or attributes\.<key>/);

    const twice = await runScenario(write(dir, 'twice.json', scenario({ rules: { rules: [VIP_RULE, VIP_RULE] } })));
    expect(twice.error).toMatch(/^Invalid rule pack: 1 problem; twice\.json rules: rules\[1\]\.name: .*vip-first-fallback/);
  });
});

describe('scenario files: timing', () => {
  it('passes when the first escalation is inside the window', async () => {
    const outcome = await runScenario(write(folder(), 'ok.json', scenario({ rules: { rules: [VIP_RULE] } }, { turnWindow: { earliest: 1, latest: 2 } })));
    expect(outcome.problems).toEqual([]);
  });

  it('fails a premature escalation and a late one, each with its own message', async () => {
    const dir = folder();
    const early = await runScenario(write(dir, 'early.json', scenario({ rules: { rules: [VIP_RULE] } }, { turnWindow: { earliest: 2, latest: 3 } })));
    expect(early.problems).toEqual(['turn: escalated too early, at turn 1 (earliest allowed 2)']);

    const lateRule = { ...VIP_RULE, conditions: { all: [{ fact: 'turns.user', operator: 'greaterThanInclusive', value: 3 }] } };
    const late = await runScenario(write(dir, 'late.json', scenario({ rules: { rules: [lateRule] } }, { turnWindow: { latest: 2 } })));
    expect(late.problems).toEqual(['turn: escalated too late, at turn 3 (latest allowed 2)']);

    const never = await runScenario(write(dir, 'never.json', scenario({}, { turnWindow: { earliest: 1, latest: 2 } })), escalator);
    expect(never.problems).toContain('turn: expected escalation between turns 1 and 2, got none');
  });

  it('checks the first escalation, even when a later turn cleared it', async () => {
    const clears = {
      name: 'clears',
      description: 'Clears at turn 2.',
      conditions: { all: [{ fact: 'turns.user', operator: 'equal', value: 2 }] },
      event: { type: 'suppress', params: { reason: 'test' } },
    };
    const outcome = await runScenario(
      write(folder(), 'cleared.json', scenario({ rules: { rules: [VIP_RULE, clears] } }, { escalate: false, action: 'continue', priority: undefined, queue: undefined, reasons: undefined, turnWindow: { earliest: 2 } })),
    );
    expect(outcome.problems).toEqual(['turn: escalated too early, at turn 1 (earliest allowed 2)']);
    expect(outcome.turns.map((t) => t.decision.escalate)).toEqual([true, false, false]);
  });

  it('refuses a window whose earliest comes after its latest', () => {
    const parsed = ScenarioSchema.safeParse(scenario({}, { turnWindow: { earliest: 3, latest: 2 } }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('expected earliest to be at or before latest');
  });
});

describe('scenario format', () => {
  it('every bundled fixture and example scenario is valid', () => {
    const files = scenarioFiles([join(root, 'fixtures'), join(root, 'examples', 'bot-flow', 'scenarios')]);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) expect(() => readScenario(file)).not.toThrow();
  });

  it('allows "$schema" for editors', () => {
    expect(ScenarioSchema.safeParse(scenario({ $schema: '../docs/scenario.schema.json' })).success).toBe(true);
  });

  it('docs/scenario.schema.json is the exported JSON Schema (`npm run docs` rewrites it)', () => {
    const stored = JSON.parse(readFileSync(join(root, 'docs', 'scenario.schema.json'), 'utf8')) as unknown;
    expect(stored).toEqual(scenarioJsonSchema());
    const properties = (scenarioJsonSchema()['properties'] ?? {}) as Record<string, unknown>;
    expect(Object.keys(properties).sort()).toEqual(['$schema', 'conversation', 'description', 'environment', 'expect', 'name', 'rules']);
  });

  it('docs/scenario-format.md documents every field of the format', () => {
    const doc = readFileSync(join(root, 'docs', 'scenario-format.md'), 'utf8');
    for (const field of ['name', 'description', 'conversation', 'environment', 'rules', 'expect', '$schema']) expect(doc).toContain(`\`${field}\``);
    for (const field of Object.keys(ScenarioSchema.shape.expect.shape)) expect(doc).toContain(`\`${field}\``);
  });

  it('runScenarios runs folders in sorted order', async () => {
    const outcomes = await runScenarios([join(root, 'examples', 'bot-flow', 'scenarios')]);
    expect(outcomes.map((o) => o.name)).toEqual(['order-question-stays-with-bot', 'asks-for-a-person', 'two-fallbacks', 'no-agent-free-ticket', 'vip-first-fallback']);
  });
});

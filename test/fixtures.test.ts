import { join } from 'node:path';
import { createEscalator } from '../src/escalator';
import { defaultRulePack } from '../src/rules/default-pack';
import { readScenario, runScenario, scenarioFiles } from '../src/testing/run-scenarios';

const escalator = createEscalator();
const files = scenarioFiles([join(__dirname, '..', 'fixtures')]);
const scenarios = files.map((file) => ({ file, scenario: readScenario(file) }));

describe('fixtures', () => {
  it('has at least 40 scenarios, 15 or more that must not escalate', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(scenarios.filter((s) => !s.scenario.expect.escalate).length).toBeGreaterThanOrEqual(15);
  });

  it('states the full expectation of every escalating scenario', () => {
    for (const { file, scenario } of scenarios.filter((s) => s.scenario.expect.escalate)) {
      const e = scenario.expect;
      expect([file, e.action, e.priority, e.queue, e.reasons, e.turn].some((v) => v === undefined)).toBe(false);
    }
  });

  it('fires every default rule (the suppress one included) in at least two scenarios', async () => {
    const firedIn = new Map<string, number>();
    for (const { scenario } of scenarios) {
      const turns = await escalator.replay(scenario.conversation, scenario.environment);
      const fired = new Set(turns.flatMap((t) => t.result.trace.rules.filter((r) => r.fired).map((r) => r.rule)));
      for (const rule of fired) firedIn.set(rule, (firedIn.get(rule) ?? 0) + 1);
    }
    for (const rule of defaultRulePack().rules) {
      expect({ rule: rule.name, firedIn: Math.min(2, firedIn.get(rule.name) ?? 0) }).toEqual({ rule: rule.name, firedIn: 2 });
    }
  });

  it.each(files.map((f) => [f.split('/').pop()!, f]))('%s meets its expectation', async (_name, file) => {
    const outcome = await runScenario(file, escalator);
    expect(outcome.problems).toEqual([]);
  });

  it.each(scenarios.map((s) => [s.scenario.name, s.scenario]))('%s: a session replay equals evaluate', async (_name, scenario) => {
    const session = escalator.session({
      conversationId: scenario.conversation.id,
      ...(scenario.conversation.customer === undefined ? {} : { customer: scenario.conversation.customer }),
      ...(scenario.conversation.channel === undefined ? {} : { channel: scenario.conversation.channel }),
      ...(scenario.conversation.locale === undefined ? {} : { locale: scenario.conversation.locale }),
      ...(scenario.conversation.attributes === undefined ? {} : { attributes: scenario.conversation.attributes }),
    });
    let last;
    for (const message of scenario.conversation.messages) last = await session.push(message, scenario.environment);
    expect(last).toEqual(await escalator.evaluate(scenario.conversation, scenario.environment));
  });
});

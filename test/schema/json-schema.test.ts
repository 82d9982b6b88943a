import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { createEscalator } from '../../src/escalator';
import { conversationJsonSchema, decisionJsonSchema, packetJsonSchema, scenarioJsonSchema } from '../../src/json-schemas';
import { readScenario, scenarioFiles } from '../../src/testing/run-scenarios';

// The interchange schemas are checked with a validator that knows nothing of zod: what another
// language's tooling would do with `warm-handoff schema packet` and `warm-handoff schema decision`.
// Ajv's default strict mode refuses unknown keywords and ignored schema parts. Formats are not
// built into ajv (ajv-formats is a separate package): the two the schemas use, as RFC 3339 has them.
const ajv = new Ajv2020({
  allErrors: true,
  strictTypes: true,
  // `type: ["string", "number", ...]` is standard JSON Schema; ajv only asks to be told it is meant.
  allowUnionTypes: true,
  formats: {
    'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)$/i,
    date: /^\d{4}-\d\d-\d\d$/,
  },
});
const validatePacket = ajv.compile(packetJsonSchema());
const validateDecision = ajv.compile(decisionJsonSchema());

const escalator = createEscalator();
const files = scenarioFiles([join(__dirname, '..', '..', 'fixtures')]);
const scenarios = files.map((file) => readScenario(file));

/** The value as another program would receive it: JSON text, parsed again. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('JSON Schemas generated from the zod schemas', () => {
  it('are draft 2020-12 documents that compile in strict mode', () => {
    for (const schema of [packetJsonSchema(), decisionJsonSchema(), scenarioJsonSchema(), conversationJsonSchema()]) {
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(() => ajv.compile(schema)).not.toThrow();
    }
  });

  it('accepts every fixture file as it is against `schema scenario`', () => {
    const validateScenario = ajv.compile(scenarioJsonSchema());
    for (const file of files) {
      const valid = validateScenario(JSON.parse(readFileSync(file, 'utf8')));
      expect({ file, errors: validateScenario.errors ?? [] }).toEqual({ file, errors: [] });
      expect(valid).toBe(true);
    }
  });

  const escalating = scenarios.filter((s) => s.expect.escalate);

  it('covers the escalating fixtures', () => {
    expect(escalating.length).toBeGreaterThanOrEqual(25);
  });

  it.each(escalating.map((s) => [s.name, s]))('%s: the packet is valid against `schema packet`', async (_name, scenario) => {
    const result = await escalator.evaluate(scenario.conversation, scenario.environment);
    expect(result.packet).toBeDefined();
    const packet = overTheWire(result.packet);
    const valid = validatePacket(packet);
    expect(validatePacket.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(scenarios.map((s) => [s.name, s]))('%s: the decision is valid against `schema decision`', async (_name, scenario) => {
    const { decision } = await escalator.evaluate(scenario.conversation, scenario.environment);
    const valid = validateDecision(overTheWire(decision));
    expect(validateDecision.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a packet that breaks the contract (wrong version, missing field, extra field, bad enum)', async () => {
    const scenario = escalating[0]!;
    const packet = overTheWire((await escalator.evaluate(scenario.conversation, scenario.environment)).packet) as Record<string, unknown>;
    expect(validatePacket({ ...packet, version: 2 })).toBe(false);
    const { summary: _summary, ...withoutSummary } = packet;
    expect(validatePacket(withoutSummary)).toBe(false);
    expect(validatePacket({ ...packet, rawText: 'my card 4111 1111 1111 1111' })).toBe(false);
    expect(validatePacket({ ...packet, decision: { ...(packet['decision'] as object), priority: 'asap' } })).toBe(false);
    expect(validatePacket({ ...packet, redactions: { total: 1, byKind: { card: 1, fingerprint: 1 } } })).toBe(false);
  });

  it('rejects a decision with an unknown action or a risk above 1', async () => {
    const { decision } = await escalator.evaluate(scenarios[0]!.conversation, scenarios[0]!.environment);
    const plain = overTheWire(decision) as Record<string, unknown>;
    expect(validateDecision(plain)).toBe(true);
    expect(validateDecision({ ...plain, action: 'transfer' })).toBe(false);
    expect(validateDecision({ ...plain, risk: 1.5 })).toBe(false);
  });
});

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, tempDir } from '../helpers';
import { main } from '../../src/cli/main';
import { decisionJsonSchema, packetJsonSchema, scenarioJsonSchema } from '../../src/json-schemas';

const root = join(__dirname, '..', '..');
const fixture = join(root, 'fixtures', '01-talk-to-a-human.json');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tempFile(name: string, content: string): string {
  const file = join(tempDir('wh-cli-'), name);
  writeFileSync(file, content);
  return file;
}

afterAll(removeTempDirs);

describe('warm-handoff CLI', () => {
  it('evaluate prints a readable decision', async () => {
    const r = await cli('evaluate', fixture);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ESCALATE -> handoff \(priority high, queue general\), triggered at user turn \d/);
    expect(r.out).toMatch(/Reasons:\n {2}- human_request \[explicit-human-request, high\]/);
    expect(r.out).toMatch(/Handoff packet:/);
  });

  it('evaluate --json prints the whole result as JSON', async () => {
    const r = await cli('evaluate', fixture, '--json');
    const parsed = JSON.parse(r.out) as { decision: { escalate: boolean }; trace: { rules: unknown[] } };
    expect(parsed.decision.escalate).toBe(true);
    expect(parsed.trace.rules.length).toBeGreaterThan(10);
  });

  it('evaluate --env overrides availability', async () => {
    const env = tempFile('env.json', JSON.stringify({ agentsAvailable: 0 }));
    const conv = tempFile('c.json', JSON.stringify({ id: 'x', messages: [{ role: 'user', text: 'I need to speak to a human' }] }));
    const r = await cli('evaluate', conv, '--env', env, '--json');
    expect((JSON.parse(r.out) as { decision: { action: string } }).decision.action).toBe('ticket');
  });

  it('evaluate --rules runs another pack', async () => {
    const dir = tempDir('wh-rules-');
    writeFileSync(
      join(dir, 'always.json'),
      JSON.stringify({
        name: 'always',
        description: 'Escalates everything.',
        conditions: { all: [{ fact: 'turns.user', operator: 'greaterThanInclusive', value: 1 }] },
        event: { type: 'escalate', params: { reason: 'always', priority: 'low' } },
      }),
    );
    const conv = tempFile('c.json', JSON.stringify({ id: 'x', messages: [{ role: 'user', text: 'hello' }] }));
    const r = await cli('evaluate', conv, '--rules', dir, '--json');
    expect((JSON.parse(r.out) as { decision: { reasons: { reason: string }[] } }).decision.reasons.map((x) => x.reason)).toEqual(['always']);
  });

  it('replay prints one line per message and marks where escalation triggers', async () => {
    const r = await cli('replay', fixture);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^# +turn +role +text +sent\. +risk +decision/);
    expect(lines.filter((l) => l.includes('<== escalates: human_request'))).toHaveLength(1);
  });

  it('test runs scenario folders and summarises', async () => {
    const r = await cli('test', join(root, 'fixtures'));
    expect(r.out).toMatch(/^\d+ passed, 0 failed$/m);
    expect(r.code).toBe(0);
  });

  it('test fails with the reason when an expectation does not hold', async () => {
    const file = tempFile(
      's.json',
      JSON.stringify({
        name: 'wrong',
        description: 'expects no escalation from a request for a person',
        conversation: { id: 'x', messages: [{ role: 'user', text: 'agent please' }] },
        expect: { escalate: false },
      }),
    );
    const r = await cli('test', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAIL {2}wrong: handoff high general \[human_request\] at turn 1\n {6}escalate: expected false, got true/);
    expect(r.out).toMatch(/^0 passed, 1 failed$/m);
  });

  it('test prints a line per scenario with the reason, runs each scenario\'s own pack, and a summary', async () => {
    const dir = tempDir('wh-scen-');
    const always = {
      name: 'always',
      description: 'Escalates from turn 2.',
      conditions: { all: [{ fact: 'turns.user', operator: 'greaterThanInclusive', value: 2 }] },
      event: { type: 'escalate', params: { reason: 'long_chat', priority: 'low' } },
    };
    const conversation = { id: 'x', messages: [{ role: 'user', text: 'hello' }, { role: 'user', text: 'still there?' }, { role: 'user', text: 'ok' }] };
    const base = { description: 'Three calm turns.', conversation, rules: { rules: [always] } };
    writeFileSync(join(dir, 'a-ok.json'), JSON.stringify({ ...base, name: 'in-window', expect: { escalate: true, turnWindow: { earliest: 2, latest: 3 } } }));
    writeFileSync(join(dir, 'b-early.json'), JSON.stringify({ ...base, name: 'too-early', expect: { escalate: true, turnWindow: { earliest: 3 } } }));
    writeFileSync(join(dir, 'c-late.json'), JSON.stringify({ ...base, name: 'too-late', expect: { escalate: true, turnWindow: { latest: 1 } } }));
    writeFileSync(join(dir, 'd-broken.json'), JSON.stringify({ name: 'broken', description: 'no conversation', expect: { escalate: false } }));
    const r = await cli('test', dir);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      'PASS  in-window: handoff low general [long_chat] at turn 2',
      'FAIL  too-early: handoff low general [long_chat] at turn 2',
      '      turn: escalated too early, at turn 2 (earliest allowed 3)',
      '      turns: 1 continue | 2 handoff(low) <- long_chat | 3 handoff(low)',
      'FAIL  too-late: handoff low general [long_chat] at turn 2',
      '      turn: escalated too late, at turn 2 (latest allowed 1)',
      '      turns: 1 continue | 2 handoff(low) <- long_chat | 3 handoff(low)',
      'FAIL  d-broken: could not run',
      `      Invalid scenario ${join(dir, 'd-broken.json')}: 1 problem`,
      expect.stringMatching(/^ {6}conversation: expected object, found /),
      '1 passed, 3 failed',
    ]);
  });

  it('test --json gives a machine report', async () => {
    const file = tempFile(
      's.json',
      JSON.stringify({
        name: 'calm',
        description: 'A greeting.',
        conversation: { id: 'x', messages: [{ role: 'user', text: 'hello' }] },
        expect: { escalate: true },
      }),
    );
    const r = await cli('test', file, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as Record<string, unknown>;
    expect(report).toMatchObject({
      passed: 0,
      failed: 1,
      scenarios: [
        {
          file,
          name: 'calm',
          passed: false,
          problems: ['escalate: expected true, got false'],
          decision: { escalate: false, action: 'continue' },
          firstEscalationTurn: null,
          turns: [{ turn: 1, escalate: false, action: 'continue', priority: 'low', reasons: [] }],
        },
      ],
    });
  });

  it('explain shows the words and rules behind one message', async () => {
    const r = await cli('explain', 'this is NOT good,', 'I want a real person!!');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('"this is NOT good, I want a real person!!"');
    expect(lines).toContainEqual(expect.stringMatching(/^sentiment +-0\.\d{3} negative$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}good +-\d\.\d{3} {2}negated by "not"$/));
    expect(lines).toContain('request for a person yes: "I want a real person" (want + person)');
    expect(lines).toContainEqual(expect.stringMatching(/^frustration +0\.\d{3} \((none|low|medium|high) on its own/));
    expect(lines).toContain('sensitive topics     none');
  });

  it('explain --json prints the analysis with the text', async () => {
    const r = await cli('explain', '--json', 'someone hacked my account');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { text: string; topics: { topic: string }[]; humanRequest: { detected: boolean } };
    expect(json.text).toBe('someone hacked my account');
    expect(json.topics.map((t) => t.topic)).toEqual(['account_compromise']);
    expect(json.humanRequest.detected).toBe(false);
  });

  it('explain without text is a usage error', async () => {
    const r = await cli('explain');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/'explain' needs the text of a customer message/);
  });

  it('schema prints the JSON Schema of a scenario, a conversation, a packet or a decision', async () => {
    const r = await cli('schema', 'scenario');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(scenarioJsonSchema());
    const packet = await cli('schema', 'packet');
    expect(packet.code).toBe(0);
    expect(JSON.parse(packet.out)).toEqual(packetJsonSchema());
    const decision = await cli('schema', 'decision');
    expect(decision.code).toBe(0);
    expect(JSON.parse(decision.out)).toEqual(decisionJsonSchema());
    expect(JSON.parse(decision.out)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
    const bad = await cli('schema', 'fixture');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe("warm-handoff: 'schema' needs one of scenario, conversation, packet, decision, got 'fixture'");
  });

  it.each([
    [['evaluate', '/no/such/file.json'], /^warm-handoff: cannot read conversation file \/no\/such\/file.json \(ENOENT\)$/],
    [['evaluate'], /^warm-handoff: 'evaluate' needs a conversation file$/],
    [['frobnicate'], /^warm-handoff: unknown command 'frobnicate'/],
    [['evaluate', '--colour'], /^warm-handoff: Unknown option '--colour'/],
  ])('fails with one clear line: %j', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
  });

  it('reports invalid input on one line with its paths', async () => {
    const conv = tempFile('c.json', JSON.stringify({ id: 'x', messages: [{ role: 'robot', text: 'hi' }] }));
    const r = await cli('evaluate', conv);
    expect(r.code).toBe(2);
    expect(r.err).toBe("warm-handoff: Invalid conversation: 1 problem; messages[0].role: expected 'user' | 'bot' | 'agent' | 'system', found \"robot\"");
  });

  it('runs as a real process with an exit code and no stack trace', () => {
    const bad = tempFile('bad.json', '{ not json');
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), 'evaluate', bad], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^warm-handoff: conversation file .* is not valid JSON/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

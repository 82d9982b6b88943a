import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { factsTable, rulesTable } from '../src/docs-tables';
import { defaultRulePack } from '../src/rules/default-pack';
import { FACTS } from '../src/schema/facts';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

describe('README', () => {
  const section = (name: string): string | undefined =>
    readme.split(`<!-- ${name}:start -->`)[1]?.split(`<!-- ${name}:end -->`)[0]?.trim();

  it('documents every fact exactly as the code defines them (`npm run docs` rewrites the table)', () => {
    expect(section('facts')).toBe(factsTable());
    for (const name of Object.keys(FACTS)) expect(readme).toContain(`\`${name}\``);
  });

  it('documents every default rule exactly as the pack holds it', () => {
    expect(section('rules')).toBe(rulesTable(defaultRulePack()));
  });

  it('shows the worked example\'s test file exactly as it is (`npm run docs` copies it)', () => {
    const example = readFileSync(join(__dirname, '..', 'examples', 'bot-flow', 'bot.test.ts'), 'utf8').trimEnd();
    expect(section('example')).toBe(`\`\`\`ts\n${example}\n\`\`\``);
    expect(readme).toMatch(/^## Testing your bot flows$/m);
  });

  it('shows `explain` output exactly as the command prints it', async () => {
    const block = /```console\n\$ npx warm-handoff explain "([^"]+)"\n([\s\S]*?)\n```/.exec(readme);
    expect(block).not.toBeNull();
    const { formatExplanation } = await import('../src/cli/explain-command');
    const { analyzeText } = await import('../src/analysis/analyze-message');
    const text = block?.[1] ?? '';
    expect(block?.[2]).toBe(formatExplanation(text, analyzeText(text)));
  });

  it('starts with the two quick-start commands, and .ci/run runs the test one', () => {
    const head = readme.slice(0, 1500);
    expect(head).toContain('npm ci && npm run demo');
    expect(head).toContain('npm ci && npm test');
    expect(readFileSync(join(__dirname, '..', '.ci', 'run'), 'utf8')).toMatch(/^npm ci && npm test$/m);
  });
});

describe('README hero example', () => {
  it('gives the outputs its comments show', async () => {
    const { createEscalator } = await import('../src/escalator');
    const escalator = createEscalator();
    const { decision, packet } = await escalator.evaluate(
      {
        id: 'conv-1',
        customer: { name: 'Ana Lopez' },
        messages: [
          { role: 'user', text: 'my parcel 88123 never arrived' },
          { role: 'bot', text: "Sorry, I didn't understand that.", fallback: true },
          { role: 'user', text: 'can I talk to a real person?' },
        ],
      },
      { queues: { general: { agentsAvailable: 2, estimatedWaitSeconds: 170 } } },
    );
    expect([decision.escalate, decision.action, decision.reasons[0]?.rule]).toEqual([true, 'handoff', 'explicit-human-request']);
    expect(decision.customerMessage).toMatch(/^Thank you, Ana\. I'm passing you to a member of our team\. The wait is about 3 minutes\. /);
    expect(readme).toContain(decision.customerMessage?.slice(0, 80));
    expect(packet?.summary.issue).toBe('my parcel 88123 never arrived');
  });
});

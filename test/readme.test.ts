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

  it('starts with the two quick-start commands, and .ci/run runs the test one', () => {
    const head = readme.slice(0, 1500);
    expect(head).toContain('npm ci && npm run demo');
    expect(head).toContain('npm ci && npm test');
    expect(readFileSync(join(__dirname, '..', '.ci', 'run'), 'utf8')).toMatch(/^npm ci && npm test$/m);
  });
});

// Rewrites the generated parts of the docs from the built code: the README tables (facts,
// default rules), the README's copy of the worked example's test file, and docs/scenario.schema.json.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { factsTable, rulesTable } = require('../dist/docs-tables.js');
const { defaultRulePack } = require('../dist/rules/default-pack.js');
const { scenarioJsonSchema } = require('../dist/json-schemas.js');

const root = join(__dirname, '..');
const example = readFileSync(join(root, 'examples', 'bot-flow', 'bot.test.ts'), 'utf8').trimEnd();
const file = join(root, 'README.md');
let text = readFileSync(file, 'utf8');
for (const [name, table] of [
  ['facts', factsTable()],
  ['rules', rulesTable(defaultRulePack())],
  ['example', `\`\`\`ts\n${example}\n\`\`\``],
]) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${name} markers`);
  text = `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`;
}
writeFileSync(file, text);
writeFileSync(join(root, 'docs', 'scenario.schema.json'), `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);

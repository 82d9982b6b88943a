// Rewrites the generated tables of README.md (facts, default rules) from the built code.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { factsTable, rulesTable } = require('../dist/docs-tables.js');
const { defaultRulePack } = require('../dist/rules/default-pack.js');

const file = join(__dirname, '..', 'README.md');
let text = readFileSync(file, 'utf8');
for (const [name, table] of [['facts', factsTable()], ['rules', rulesTable(defaultRulePack())]]) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${name} markers`);
  text = `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`;
}
writeFileSync(file, text);

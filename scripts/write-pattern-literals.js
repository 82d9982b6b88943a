// Writes src/analysis/data/pattern-literals.json: the required literals of every detector
// pattern the fixtures reach, keyed by flags and source, so a process reads them instead of
// parsing some 80,000 characters of pattern source on its first messages. Run after a build
// (`npm run literals`), then build again; test/analysis/pattern-literals.test.ts fails until
// the file matches the patterns.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { patternLiteralsTable } = require('../dist/analysis/pattern-literals.js');
const { replayFixtures } = require('./replay-fixtures.js');

const root = join(__dirname, '..');
replayFixtures(require('../dist/index.js'), root).then(() => {
  const { indexedPatterns } = require('../dist/analysis/literal-index.js');
  const { requiredLiterals } = require('../dist/analysis/required-literals.js');
  const table = patternLiteralsTable(indexedPatterns().map(({ re }) => re), requiredLiterals);
  writeFileSync(join(root, 'src', 'analysis', 'data', 'pattern-literals.json'), `${JSON.stringify(table, null, 1)}\n`);
  process.stdout.write(`${Object.keys(table).length} patterns\n`);
});

// Writes an .mjs and a .d.mts next to each CommonJS entry point (".", "./testing", "./jest"),
// so `import` gets real named exports of the CommonJS build and the same types.
'use strict';
const { writeFileSync } = require('node:fs');
const { join, basename } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const ENTRIES = ['index', 'testing/index', 'testing/jest'];

for (const entry of ENTRIES) {
  const file = `./${basename(entry)}.js`;
  // Requiring the jest entry outside jest throws (it registers matchers): read its names from the source of truth instead.
  const names = entry === 'testing/jest' ? jestEntryNames() : Object.keys(require(join(dist, `${entry}.js`)));
  const lines = [
    `import cjs from '${file}';`,
    ...names.filter((n) => n !== 'default' && n !== '__esModule').map((n) => `export const ${n} = cjs.${n};`),
    'export default cjs;',
    '',
  ];
  writeFileSync(join(dist, `${entry}.mjs`), lines.join('\n'));
  // The .mjs also has a default export (the whole CommonJS module); its types say so too.
  writeFileSync(join(dist, `${entry}.d.mts`), `import * as cjs from '${file}';\nexport * from '${file}';\nexport default cjs;\n`);
}

/** The runtime names the jest entry exports, read from its compiled `exports.x = ` assignments. */
function jestEntryNames() {
  const source = require('node:fs').readFileSync(join(dist, 'testing', 'jest.js'), 'utf8');
  const names = new Set();
  for (const m of source.matchAll(/Object\.defineProperty\(exports, "(\w+)"|exports\.(\w+) = /g)) names.add(m[1] ?? m[2]);
  names.delete('__esModule');
  return [...names];
}

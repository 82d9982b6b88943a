// Writes dist/index.mjs and dist/index.d.mts so `import` gets real named exports of the CommonJS build.
'use strict';
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');
const names = Object.keys(require(join(dist, 'index.js'))).filter((n) => n !== 'default' && n !== '__esModule');
const lines = [
  "import cjs from './index.js';",
  ...names.map((n) => `export const ${n} = cjs.${n};`),
  'export default cjs;',
  '',
];
writeFileSync(join(dist, 'index.mjs'), lines.join('\n'));
writeFileSync(join(dist, 'index.d.mts'), "export * from './index.js';\n");

#!/usr/bin/env node
/*
 * Converts the VADER lexicon (cjhutto/vaderSentiment, MIT) shipped in the npm package
 * `vader-sentiment` into the compact {token: valence} JSON that src/analysis/sentiment.ts
 * loads lazily. Run from the repository root: `node scripts/build-lexicon.js`.
 *
 * Only the first two columns are kept (token, mean valence on -4..4); the standard
 * deviation and the raw ratings are dropped because scoring never reads them.
 * When a token appears twice, the later line wins, as in the reference implementations (the
 * Python original fills a dict line by line; the JavaScript port is an object literal).
 * One exception: a face listed twice with valences of opposite sign is two faces that the
 * file's lower-casing merged. "d:" and "d=" are rated once as dismay (D: and D=, a wide-open
 * mouth, all ratings negative) and once as a tongue out (d: and d=, positive). The first line
 * is kept under its upper-case spelling, the way it is typed, so both faces keep their meaning.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const source = path.join(root, 'node_modules', 'vader-sentiment', 'vader_lexicon.txt');
const target = path.join(root, 'src', 'analysis', 'data', 'vader-lexicon.json');

const lexicon = {};
let skipped = 0;
for (const line of fs.readFileSync(source, 'utf8').split(/\r?\n/)) {
  if (line.length === 0) continue;
  const [token, valence] = line.split('\t');
  const value = Number(valence);
  if (token === undefined || token.length === 0 || !Number.isFinite(value)) {
    skipped += 1;
    continue;
  }
  const earlier = lexicon[token];
  const isFace = /[^a-z]/.test(token) && /[a-z]/.test(token);
  if (earlier !== undefined && isFace && Math.sign(earlier) !== Math.sign(value)) lexicon[token.toUpperCase()] = earlier;
  lexicon[token] = value;
}

fs.writeFileSync(target, `${JSON.stringify(lexicon)}\n`);
process.stdout.write(`wrote ${Object.keys(lexicon).length} entries to ${path.relative(root, target)} (${skipped} skipped)\n`);

// Replays every fixture's conversation through a default escalator: what reaches every
// detector pattern the library has (the literal table is built from what this registers).
'use strict';
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

async function replayFixtures(lib, root) {
  const escalator = lib.createEscalator();
  for (const name of readdirSync(join(root, 'fixtures')).filter((f) => f.endsWith('.json')).sort()) {
    const scenario = JSON.parse(readFileSync(join(root, 'fixtures', name), 'utf8'));
    await escalator.replay(scenario.conversation, scenario.environment);
  }
}

module.exports = { replayFixtures };

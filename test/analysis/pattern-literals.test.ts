import { join } from 'node:path';
import * as lib from '../../src';
import { indexedPatterns } from '../../src/analysis/literal-index';
import { patternKey, patternLiteralsTable, tabledLiterals } from '../../src/analysis/pattern-literals';
import { requiredLiterals } from '../../src/analysis/required-literals';
import table from '../../src/analysis/data/pattern-literals.json';
const { replayFixtures } = require('../../scripts/replay-fixtures.js') as { replayFixtures: (l: typeof lib, root: string) => Promise<void> };

describe('the table of pattern literals', () => {
  it('holds exactly the patterns the fixtures reach, each with the literals its source gives (else: npm run literals)', async () => {
    await replayFixtures(lib, join(__dirname, '..', '..'));
    const patterns = indexedPatterns().map(({ re }) => re);
    expect(patterns.length).toBeGreaterThan(50);
    // Recomputed from each pattern's source, not read back from the table the index used.
    expect(patternLiteralsTable(patterns, requiredLiterals)).toEqual(table);
  });

  it('finds nothing for a pattern it does not hold, so the source is parsed', () => {
    expect(tabledLiterals(/\bnot in the table at all\b/g)).toBeUndefined();
    const [key] = Object.keys(table);
    expect(key).toBeDefined();
    // The same source with other flags is another pattern.
    const slash = key!.indexOf('/');
    expect(tabledLiterals(new RegExp(key!.slice(slash + 1), 'y'))).toBeUndefined();
  });

  it('keys a pattern by its flags and source', () => {
    expect(patternKey(/a+b/gi)).toBe('gi/a+b');
  });
});

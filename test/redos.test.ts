import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as ts from 'typescript';
import { check, type Diagnostics } from 'recheck';

/*
 * Every regular expression in src/ is checked by recheck, a ReDoS checker: literals are read
 * from the TypeScript sources, and patterns built with `new RegExp(...)` are recorded as the
 * modules build them (every call site found in the sources must be seen being run). Any
 * pattern that is not proven safe fails the test, with the attack string recheck found.
 *
 * recheck's fuzzer normally stops on wall-clock timeouts, which would make its verdict depend
 * on how busy the machine is; here every limit is a count of steps, so the verdict is the same
 * on every run (a fixed seed, no time limits).
 */

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');

interface Pattern {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []))
    .sort();
}

const rel = (file: string): string => relative(ROOT, file).split(sep).join('/');

/** Regex literals, and the places that call the RegExp constructor. */
function scan(files: readonly string[]): { literals: Pattern[]; constructorSites: string[] } {
  const literals: Pattern[] = [];
  const constructorSites: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const lineOf = (node: ts.Node): number => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = (node as ts.RegularExpressionLiteral).text;
        const slash = text.lastIndexOf('/');
        literals.push({ where: `${rel(file)}:${lineOf(node)}`, source: text.slice(1, slash), flags: text.slice(slash + 1) });
      } else if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        constructorSites.push(`${rel(file)}:${lineOf(node)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, constructorSites };
}

/** Loads every module of src/ with the RegExp constructor watched; returns what was built, and where. */
function constructedPatterns(files: readonly string[]): Pattern[] {
  const built: Pattern[] = [];
  const Original = globalThis.RegExp;
  globalThis.RegExp = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      const re = Reflect.construct(target, args) as RegExp;
      // The first stack frame inside src/ is the call site (jest maps compiled lines back to the .ts source).
      const frame = (new Error().stack ?? '').split('\n').find((line) => line.includes(`${sep}src${sep}`)) ?? '';
      const at = /\((.*):(\d+):\d+\)$|at (.*):(\d+):\d+$/.exec(frame.trim());
      const where = at === null ? 'unknown' : `${rel(at[1] ?? at[3] ?? '')}:${at[2] ?? at[4]}`;
      built.push({ where, source: re.source, flags: re.flags });
      return re;
    },
  });
  try {
    jest.isolateModules(() => {
      for (const file of files) {
        // The worker module starts listening for batches at import; it builds no pattern.
        if (file.endsWith(`cli${sep}replay-worker.ts`)) continue;
        require(file);
      }
    });
  } finally {
    globalThis.RegExp = Original;
  }
  return built;
}

const files = sourceFiles(SRC);
const { literals, constructorSites } = scan(files);
const constructed = constructedPatterns(files);

describe('regular expressions in src/', () => {
  it('are all found: literals, and a run of every RegExp constructor call site', () => {
    expect(literals.length).toBeGreaterThan(50);
    const seen = new Set(constructed.map((p) => p.where));
    expect(constructorSites.filter((site) => !seen.has(site))).toEqual([]);
  });

  it('are each proven free of super-linear backtracking by recheck', async () => {
    const patterns = new Map<string, Pattern & { places: string[] }>();
    for (const p of [...literals, ...constructed]) {
      // recheck does not know the `d` flag (match indices), which does not change matching; `g` and `y` do not either.
      const flags = p.flags.replace(/[dgy]/g, '');
      const key = `${flags}/${p.source}`;
      const entry = patterns.get(key);
      if (entry === undefined) patterns.set(key, { ...p, flags, places: [p.where] });
      else entry.places.push(p.where);
    }
    const problems: string[] = [];
    for (const p of patterns.values()) {
      const result: Diagnostics = await check(p.source, p.flags, {
        randomSeed: 42,
        timeout: null,
        incubationTimeout: null,
        attackTimeout: null,
        // Step limits instead of time limits: deterministic, and enough to expose any
        // quadratic pattern on the attack strings recheck builds.
        attackLimit: 200_000_000,
      });
      if (result.status !== 'safe') {
        const detail =
          result.status === 'vulnerable'
            ? `${result.complexity.summary}, attack ${result.attack.pattern}`
            : `not decided: ${result.error.kind}${'message' in result.error ? ` (${result.error.message})` : ''}`;
        problems.push(`${p.places.join(', ')}: /${p.source.slice(0, 80)}${p.source.length > 80 ? '…' : ''}/${p.flags}: ${detail}`);
      }
    }
    expect(problems).toEqual([]);
    expect(patterns.size).toBeGreaterThan(80);
  }, 600_000);
});

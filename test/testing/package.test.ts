import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeTempDirs, tempDir } from '../helpers';

// These run against the built package (`npm test` builds before jest), as a user gets it.
const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  exports: Record<string, Record<string, Record<string, string>>>;
  sideEffects: unknown;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  typesVersions: Record<string, Record<string, string[]>>;
};

afterAll(removeTempDirs);

function run(file: string, args: string[], cwd = root): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [file, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function node(code: string, type: 'commonjs' | 'module'): { stdout: string; stderr: string; status: number | null } {
  return run(type === 'module' ? '--input-type=module' : '-e', type === 'module' ? ['-e', code] : [code]);
}

describe('package.json', () => {
  it('exports ./testing and ./jest, types first, for import and require, and the files exist', () => {
    expect(Object.keys(pkg.exports)).toEqual(['.', './testing', './jest', './package.json']);
    for (const [entry, base] of [
      ['./testing', 'dist/testing/index'],
      ['./jest', 'dist/testing/jest'],
    ] as const) {
      expect(pkg.exports[entry]).toEqual({
        import: { types: `./${base}.d.mts`, default: `./${base}.mjs` },
        require: { types: `./${base}.d.ts`, default: `./${base}.js` },
      });
      for (const ext of ['.d.mts', '.mjs', '.d.ts', '.js']) expect(existsSync(join(root, `${base}${ext}`))).toBe(true);
      for (const condition of Object.values(pkg.exports[entry] ?? {})) expect(Object.keys(condition)[0]).toBe('types');
    }
    expect(pkg.typesVersions).toEqual({ '*': { testing: ['./dist/testing/index.d.ts'], jest: ['./dist/testing/jest.d.ts'] } });
  });

  it('types the default export that each .mjs entry has (the whole CommonJS module)', () => {
    for (const base of ['dist/index', 'dist/testing/index', 'dist/testing/jest']) {
      expect(readFileSync(join(root, `${base}.mjs`), 'utf8')).toMatch(/^export default cjs;$/m);
      expect(readFileSync(join(root, `${base}.d.mts`), 'utf8')).toMatch(/^export default cjs;$/m);
    }
  });

  it('marks only the jest entry as having side effects, and takes jest as an optional peer', () => {
    expect(pkg.sideEffects).toEqual(['./dist/testing/jest.js', './dist/testing/jest.mjs']);
    expect(pkg.peerDependencies?.['jest']).toBeDefined();
    expect(pkg.peerDependenciesMeta?.['jest']?.optional).toBe(true);
    expect(pkg.devDependencies['jest']).toBeDefined();
    expect(pkg.dependencies['jest']).toBeUndefined();
  });
});

describe('warm-handoff/testing', () => {
  it('works with require and with import, with named exports', () => {
    const script = `
      const conv = conversation().user('hi').botFallback().user('hmm').botFallback();
      const turns = await replay(conv);
      console.log(JSON.stringify([turns.map((t) => t.decision.escalate), firstEscalationTurn(turns), typeof runScenario]));`;
    const esm = node(`import { conversation, replay, firstEscalationTurn, runScenario } from 'warm-handoff/testing';${script}`, 'module');
    expect(esm.stderr).toBe('');
    expect(JSON.parse(esm.stdout)).toEqual([[false, true], 2, 'function']);
    const cjs = node(`const { conversation, replay, firstEscalationTurn, runScenario } = require('warm-handoff/testing'); (async () => {${script}})();`, 'commonjs');
    expect(cjs.stderr).toBe('');
    expect(JSON.parse(cjs.stdout)).toEqual([[false, true], 2, 'function']);
  });

  it('does no work at import: prints nothing, reads no env, opens no file', () => {
    const probe = `
      const fs = require('node:fs');
      const opened = [];
      for (const name of ['openSync', 'readFileSync', 'readdirSync', 'statSync']) {
        const original = fs[name];
        fs[name] = function (...args) { if (String(args[0]).indexOf('node_modules') < 0 && String(args[0]).indexOf('/dist/') < 0) opened.push(name + ' ' + args[0]); return original.apply(this, args); };
      }
      const envReads = [];
      const env = process.env;
      const fromPackage = () => (new Error().stack || '').split('\\n').slice(2).some((l) => l.includes(process.cwd()));
      process.env = new Proxy(env, { get(t, k) { if (typeof k === 'string' && fromPackage()) envReads.push(k); return t[k]; } });
      const lib = require('warm-handoff/testing');
      process.env = env;
      if (typeof lib.conversation !== 'function') throw new Error('no conversation');
      process.stderr.write(JSON.stringify({ opened, envReads, compromise: Object.keys(require.cache).some((k) => k.includes('compromise')) }));`;
    const r = node(probe, 'commonjs');
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toEqual({ opened: [], envReads: [], compromise: false });
  });
});

describe('warm-handoff/jest', () => {
  it('outside jest, fails at import with a message saying where it belongs', () => {
    const r = node(`require('warm-handoff/jest')`, 'commonjs');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(
      "warm-handoff/jest registers jest matchers and must be loaded inside a jest run: import it from a test file or list it in setupFilesAfterEnv. Outside jest, use the functions of 'warm-handoff/testing'.",
    );
  });

  it('registers matchers and the serializer from setupFilesAfterEnv, with and without injected globals', () => {
    const r = run(join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ['--config', join(__dirname, 'setup-project', 'jest.config.js'), '--ci']);
    expect(r.stderr).toMatch(/Tests: {7}4 passed, 4 total/);
    expect(r.status).toBe(0);
  }, 60_000);

  it.each(['node16', 'node10'])('gives a TypeScript project the matcher types from the built package (%s resolution)', (resolution) => {
    // A user's project: warm-handoff installed in node_modules, jest's types next to it.
    const dir = tempDir('wh-consumer-');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'warm-handoff'), 'dir');
    for (const dep of ['@types', '@jest', 'expect']) symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'commonjs' }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: resolution === 'node16' ? 'node16' : 'commonjs',
          moduleResolution: resolution,
          strict: true,
          exactOptionalPropertyTypes: true,
          noEmit: true,
          types: ['jest'],
          skipLibCheck: true,
        },
        include: ['*.ts', '*.mts'],
      }),
    );
    writeFileSync(
      join(dir, 'flow.test.ts'),
      `${resolution === 'node16' ? "import 'warm-handoff/jest';\n" : ''}import { expect as globalsExpect } from '@jest/globals';
import { conversation, replay, type TurnDecision } from 'warm-handoff/testing';

export async function flow(): Promise<TurnDecision[]> {
  const conv = conversation().customer({ tier: 'vip' }).user('hi').bot('Hello!').botFallback('Sorry?').user('agent please');
  await expect(conv).toEscalateWith({ reason: 'human_request', priority: 'high' });
  await expect(conv).not.toEscalateBetweenTurns(3, 4);
  await globalsExpect(conv).toEscalateAtTurn(2);
  // @ts-expect-error 'critical' is not a priority
  await expect(conv).toEscalateWith({ priority: 'critical' });
  // @ts-expect-error 'critical' is not a priority
  await globalsExpect(conv).toEscalateWith({ priority: 'critical' });
  // @ts-expect-error a turn is a number
  await expect(conv).toEscalateAtTurn('2');
  return replay(conv);
}
`,
    );
    if (resolution === 'node10') {
      // With setupFilesAfterEnv instead of an import in each test file, one .d.ts brings the types.
      writeFileSync(join(dir, 'jest-setup.d.ts'), "import 'warm-handoff/jest';\n");
    }
    writeFileSync(
      join(dir, 'no-import.test.ts'),
      `import { conversation } from 'warm-handoff/testing';
export async function noImport(): Promise<void> {
  await expect(conversation().user('hi')).not.toEscalateWith({ action: 'ticket' });
  // @ts-expect-error 'maybe' is not an action
  await expect(conversation().user('hi')).toEscalateWith({ action: 'maybe' });
}
`,
    );
    if (resolution === 'node16') {
      writeFileSync(
        join(dir, 'esm.mts'),
        `import { conversation } from 'warm-handoff/testing';
import { packetSerializer } from 'warm-handoff/jest';
export const built = conversation().user('hi').build();
export const serializer = packetSerializer;
// @ts-expect-error an intent confidence is a number
conversation().user('x').intent('greeting', 'high');
`,
      );
    }
    const r = run(join(root, 'node_modules', 'typescript', 'bin', 'tsc'), ['-p', dir]);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  }, 60_000);
});

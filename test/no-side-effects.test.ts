import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

// Run against the built package, as a user would import it.
function run(code: string, type: 'commonjs' | 'module'): { stdout: string; stderr: string; status: number | null } {
  const args = type === 'module' ? ['--input-type=module', '-e', code] : ['-e', code];
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('importing the package', () => {
  it('prints nothing, reads no env, opens no file or socket (require)', () => {
    const probe = `
      const fs = require('node:fs'); const net = require('node:net');
      const opened = [];
      for (const name of ['openSync', 'readFileSync', 'readdirSync', 'statSync']) {
        const original = fs[name];
        fs[name] = function (...args) { if (String(args[0]).indexOf('node_modules') < 0 && String(args[0]).indexOf('/dist/') < 0) opened.push(name + ' ' + args[0]); return original.apply(this, args); };
      }
      const connect = net.Socket.prototype.connect;
      net.Socket.prototype.connect = function () { opened.push('socket'); return connect.apply(this, arguments); };
      const envReads = [];
      const env = process.env;
      // Count reads made by package code (ours or a dependency's), not by node's own loader.
      const fromPackage = () => (new Error().stack || '').split('\\n').slice(2).some((l) => l.includes(process.cwd()));
      process.env = new Proxy(env, { get(t, k) { if (typeof k === 'string' && fromPackage()) envReads.push(k); return t[k]; } });
      const lib = require('./dist/index.js');
      process.env = env;
      if (typeof lib.createEscalator !== 'function') throw new Error('no createEscalator');
      process.stderr.write(JSON.stringify({ opened, envReads }));
    `;
    const r = run(probe, 'commonjs');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr)).toEqual({ opened: [], envReads: [] });
  });

  it('works with import, with named exports', () => {
    const r = run(
      `import { createEscalator, analyzeText, ValidationError } from 'warm-handoff';
       const result = await createEscalator().evaluate({ id: 'c', messages: [{ role: 'user', text: 'agent please' }] });
       console.log(JSON.stringify([typeof analyzeText, typeof ValidationError, result.decision.escalate]));`,
      'module',
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['function', 'function', true]);
  });

  it('works with require, through the package name', () => {
    const r = run(`const { createEscalator } = require('warm-handoff'); console.log(typeof createEscalator);`, 'commonjs');
    expect(r.stdout.trim()).toBe('function');
  });

  it('does not load compromise at import', () => {
    const r = run(`require('./dist/index.js'); console.log(Object.keys(require.cache).some((k) => k.includes('compromise')));`, 'commonjs');
    expect(r.stdout.trim()).toBe('false');
  });

  it('loads the exporters, reports and tuning on first call, not at import', () => {
    const r = run(
      `const loaded = () => Object.keys(require.cache).filter((k) => /dist[\\/](export[\\/]text|feedback[\\/](measure|tune|risk-model|html-report)\\.js)/.test(k)).length;
       const lib = require('./dist/index.js');
       const atImport = loaded();
       const line = lib.sentimentSparkline([-0.8, 0, 0.8]);
       console.log(JSON.stringify([atImport, loaded(), line, lib.sentimentSparkline.name, typeof lib.tune]));`,
      'commonjs',
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([0, 1, '▂▅▇', 'sentimentSparkline', 'function']);
  });

  it('loads the analysis on first use and the packet on first read, not at import', () => {
    const r = run(
      `const loaded = () => Object.keys(require.cache).filter((k) => /dist[\\/](analysis[\\/]analyze-message|packet[\\/](build-packet|redact)|step)\\.js/.test(k)).length;
       const lib = require('./dist/index.js');
       const atImport = loaded();
       const label = lib.analyzeText('this is NOT what I asked for!!').sentiment.label;
       const afterAnalysis = loaded();
       lib.createEscalator().evaluate({ id: 'c', messages: [{ role: 'user', text: 'agent please' }] }).then((result) => {
         const afterEvaluation = loaded();
         const turns = result.packet.transcript.length;
         console.log(JSON.stringify([atImport, afterAnalysis, afterEvaluation, loaded(), label, result.decision.escalate, turns, lib.analyzeText.name]));
       });`,
      'commonjs',
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([0, 1, 3, 4, 'negative', true, 1, 'analyzeText']);
  });

  it('loads zod on first validation, not at import', () => {
    const r = run(
      `const loaded = () => Object.keys(require.cache).some((k) => k.includes('/node_modules/zod/'));
       const lib = require('./dist/index.js');
       const atImport = loaded();
       const schemaKeys = Object.keys(lib.MessageSchema.shape).length;
       console.log(JSON.stringify([atImport, loaded(), schemaKeys]));`,
      'commonjs',
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([false, true, 7]);
  });
});

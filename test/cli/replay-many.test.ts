import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { progressBar } from '../../src/cli/replay-many';
import { cliRunner } from '../helpers';

const root = join(__dirname, '..', '..');
const fixtures = readdirSync(join(root, 'fixtures'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(root, 'fixtures', f), 'utf8')) as { conversation: { id: string } });

const run = cliRunner('replay');

describe('replay over many conversations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-replay-'));
  const jsonl = join(dir, 'many.jsonl');
  // Scenarios and bare conversations mixed, 3 copies of the fixtures with distinct ids.
  const lines = [0, 1, 2].flatMap((k) =>
    fixtures.map((f, i) => JSON.stringify(i % 2 === 0 ? { ...f, conversation: { ...f.conversation, id: `${f.conversation.id}-${k}` } } : { ...f.conversation, id: `${f.conversation.id}-${k}` })),
  );
  writeFileSync(jsonl, `${lines.join('\n')}\n`);

  it('gives the same lines, in input order, with 1 and 3 workers, and prints no progress when not on a terminal', () => {
    const one = run(jsonl, '--workers', '1', '--json');
    const three = run(jsonl, '--workers', '3', '--json');
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    expect(three.err).toBe('');
    const parsed = three.out.trim().split('\n').map((l) => JSON.parse(l) as { index: number; id: string });
    expect(parsed).toHaveLength(lines.length);
    expect(parsed.map((p) => p.index)).toEqual(lines.map((_, i) => i));
    expect(three.out).toBe(one.out);
  }, 60_000);

  it('reads a folder of conversation files and summarises in words', () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    fixtures.slice(0, 5).forEach((f, i) => writeFileSync(join(folder, `${i}.json`), JSON.stringify(f)));
    const r = run(folder, '--workers', '2');
    expect(r.code).toBe(0);
    const out = r.out.trim().split('\n');
    expect(out).toHaveLength(6);
    expect(out[5]).toMatch(/^5 conversations, \d+ escalated, 0 invalid/);
  }, 60_000);

  it('reports invalid conversations without stopping, and exits 2', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ id: 'x', messages: [{ role: 'robot', text: 'hi' }] })}\n${lines[0]}\n`);
    const r = run(bad, '--workers', '2');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^x: ERROR .*messages\[0\]\.role/m);
  }, 60_000);

  it('names a line that is not JSON by file and line, without quoting it, however many threads read', () => {
    // Deep in the file and past the first chunks, so a worker thread, not this one, parses it.
    const broken = join(dir, 'broken.jsonl');
    const secret = '{"id": "y", "messages": [{"role": "user", "text": "card 4111 1111 1111 1111"';
    writeFileSync(broken, `${[...lines.slice(0, 100), secret, ...lines.slice(100)].join('\n')}\n`);
    for (const workers of ['1', '2', '3']) {
      const r = run(broken, '--workers', workers);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toBe(`warm-handoff: ${broken}:101 is not valid JSON\n`);
    }
  }, 60_000);

  it('refuses a bad --workers value', () => {
    expect(run(jsonl, '--workers', '0').code).toBe(2);
  });
});

describe('the progress bar', () => {
  it('draws rate and time left on a terminal, and nothing otherwise', () => {
    const written: string[] = [];
    let now = 0;
    const tty = progressBar({ isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream, () => now);
    now = 1000;
    tty.update(50, 100);
    tty.end();
    expect(written[0]).toMatch(/\[#{12}-{12}\] 50\/100 {2}50\/s {2}1s left/);
    const quiet: string[] = [];
    const pipe = progressBar({ isTTY: false, write: (s: string) => quiet.push(s) } as unknown as NodeJS.WriteStream, () => now);
    pipe.update(1, 2);
    pipe.end();
    expect(quiet).toEqual([]);
  });
});

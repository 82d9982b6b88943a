import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliRunner, removeTempDirs, tempDir } from '../helpers';
import { MeasureReportSchema } from '../../src/feedback/report';
import { writeMeasureFiles } from './data';

const run = cliRunner('measure');

afterAll(removeTempDirs);

describe('warm-handoff measure --report', () => {
  const dir = tempDir('wh-measure-report-');
  const { rules, logs, outcomes } = writeMeasureFiles(dir);

  it('writes the HTML report with its charts, prints the text report as before and says where the page is', () => {
    const file = join(dir, 'report.html');
    const plain = run(logs, outcomes, '--rules', rules, '--workers', '1');
    const r = run(logs, outcomes, '--rules', rules, '--workers', '1', '--report', file);
    expect(r.code).toBe(0);
    expect(r.out).toBe(plain.out);
    expect(r.err).toBe(`HTML report written to ${file}\n`);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // The logs give every fixed chart data: outcomes, two timed escalations, rules fired with outcomes.
    expect([...html.matchAll(/<svg class="chart" data-chart="([^"]+)"/g)].map((m) => m[1])).toEqual(['confusion', 'timing', 'rule-noise']);
    expect(html).toContain('<body data-charts="3">');
    expect(html).toContain('<div class="card-value">0.667</div>');
    expect(html).toContain('<span class="where">c6 · turn 2</span> <q>yes, [card] is the card</q>');
    expect(html).toContain('No curves: run <code>warm-handoff tune</code>');
    expect(html).not.toMatch(/4111/);
  }, 60_000);

  it('keeps --json output pure JSON', () => {
    const file = join(dir, 'report-json.html');
    const r = run(logs, outcomes, '--rules', rules, '--workers', '1', '--json', '--report', file);
    expect(r.code).toBe(0);
    expect(MeasureReportSchema.parse(JSON.parse(r.out)).counts.conversations).toBe(6);
    expect(existsSync(file)).toBe(true);
  }, 60_000);

  it('fails with one line and prints nothing when the report cannot be written', () => {
    const file = join(dir, 'missing-folder', 'report.html');
    const r = run(logs, outcomes, '--rules', rules, '--workers', '1', '--report', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(`warm-handoff: cannot write report ${file} (ENOENT)\n`);
  }, 60_000);
});

import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { removeTempDirs, tempDir } from '../helpers';
import { renderHtmlReport } from '../../src/feedback/html-report';
import { MeasureReportSchema } from '../../src/feedback/report';
import { EMPTY_MEASURE, MEASURE, TUNE } from './html-report-data';

// Renders the report in a real browser: the charts must lay out and draw, not just be in the markup.

function findChromium(): string | undefined {
  const candidates = ['/usr/bin/chromium', ...(process.env['PATH'] ?? '').split(delimiter).filter((d) => d !== '').map((d) => join(d, 'chromium'))];
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

const chromium = findChromium();

/** Runs headless chromium on one file with a profile of its own; returns its stdout. */
function browse(file: string, ...extra: string[]): string {
  const profile = tempDir('wh-chromium-profile-');
  return execFileSync(
    chromium as string,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--virtual-time-budget=2000',
      ...extra,
      pathToFileURL(file).href,
    ],
    { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function bodyAttributes(dom: string): Record<string, string> {
  const tag = dom.match(/<body([^>]*)>/)?.[1] ?? '';
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

afterAll(removeTempDirs);

const suite = chromium === undefined ? describe.skip : describe;
const title = chromium === undefined ? 'html report in chromium (skipped: chromium not found — install Debian package chromium)' : 'html report in chromium';

suite(title, () => {
  const dir = tempDir('wh-html-report-');
  const INJECTION = `<script>document.body.dataset.pwned='1'</script><img src=x onerror="document.body.dataset.pwned='1'">`;
  // Customer text that tries to run script: it must show as text and do nothing.
  const measure = MeasureReportSchema.parse({
    ...MEASURE,
    botGaps: {
      ...MEASURE.botGaps,
      intents: MEASURE.botGaps.intents.map((g, i) => (i === 0 ? { ...g, examples: [{ conversationId: 'c1', turn: 1, excerpt: INJECTION }, ...g.examples.slice(1)] } : g)),
    },
  });
  const file = join(dir, 'report.html');
  writeFileSync(file, renderHtmlReport({ measure, tune: TUNE }));

  it('draws every chart: the three fixed ones and one per curve', () => {
    const dom = browse(file, '--dump-dom');
    const body = bodyAttributes(dom);
    expect(body['data-charts']).toBe(String(3 + TUNE.curves.length));
    expect(body['data-rendered-charts']).toBe(String(3 + TUNE.curves.length));
    expect(body['data-pwned']).toBeUndefined();
    expect(dom).toContain('&lt;script&gt;document.body.dataset.pwned=');
  }, 90_000);

  it('counts no chart on a report without data', () => {
    const empty = join(dir, 'empty.html');
    writeFileSync(empty, renderHtmlReport({ measure: EMPTY_MEASURE }));
    expect(bodyAttributes(browse(empty, '--dump-dom'))['data-rendered-charts']).toBe('0');
  }, 90_000);

  it('does not count a chart that is not drawn', () => {
    const hidden = join(dir, 'hidden.html');
    writeFileSync(hidden, renderHtmlReport({ measure, tune: TUNE }).replace('</head>', '<style>svg.chart[data-chart="timing"]{display:none}</style></head>'));
    expect(bodyAttributes(browse(hidden, '--dump-dom'))['data-rendered-charts']).toBe(String(2 + TUNE.curves.length));
  }, 90_000);

  it('takes a screenshot of the page', () => {
    const png = join(dir, 'report.png');
    browse(file, `--screenshot=${png}`, '--window-size=1280,2400');
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // IHDR: width and height, big-endian, right after the signature and the chunk header.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 2400]);
    // A blank 1280×2400 page compresses to a few kilobytes; text and charts take far more.
    expect(bytes.length).toBeGreaterThan(50_000);
  }, 90_000);
});

import { createHash } from 'node:crypto';
import { escapeHtml, renderHtmlReport } from '../../src/feedback/html-report';
import { MeasureReportSchema, type MeasureReport } from '../../src/feedback/report';
import { TuneReportSchema, CurveSchema, type Curve, type TuneReport } from '../../src/feedback/tune-report';
import { isValidationError } from '../../src/errors';
import { EMPTY_MEASURE, MEASURE, TUNE } from './html-report-data';

/** The data-chart kind of every chart, in page order. */
function charts(html: string): string[] {
  return [...html.matchAll(/<svg class="chart" data-chart="([^"]+)"/g)].map((m) => m[1] ?? '');
}

/** The markup of one section, from its opening tag to its end. */
function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}">`);
  expect(start).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf('</section>', start));
}

const INJECTION = `<script>document.body.dataset.pwned='1'</script><img src=x onerror="alert(1)">"'&`;

describe('renderHtmlReport', () => {
  it('takes hand-made reports that satisfy the schemas', () => {
    expect(MeasureReportSchema.safeParse(MEASURE).success).toBe(true);
    expect(MeasureReportSchema.safeParse(EMPTY_MEASURE).success).toBe(true);
    expect(TuneReportSchema.safeParse(TUNE).success).toBe(true);
  });

  it('is a whole page with every section, and the same text on every call', () => {
    const html = renderHtmlReport({ measure: MEASURE, tune: TUNE });
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    for (const id of ['summary', 'confusion', 'timing', 'rules', 'gaps', 'tuning', 'curves']) {
      expect(html).toContain(`<section id="${id}">`);
      expect(html).toContain(`<a href="#${id}">`);
    }
    expect(html).toContain('<title>warm-handoff report</title>');
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(renderHtmlReport({ measure: MEASURE, tune: TUNE })).toBe(html);
  });

  it('shows the summary figures', () => {
    const summary = sectionOf(renderHtmlReport({ measure: MEASURE }), 'summary');
    expect(summary).toContain('<div class="card-value">120</div>');
    expect(summary).toContain('<div class="card-value">38%</div>');
    expect(summary).toContain('<div class="card-value">0.850</div>');
    expect(summary).toContain('<div class="card-value">0.756</div>');
    expect(summary).toContain('<div class="card-value">0.800</div>');
    expect(summary).toContain('46 of 120 escalated by the replay');
  });

  it('draws the fixed charts and one chart per curve, each an accessible svg with axis labels', () => {
    const html = renderHtmlReport({ measure: MEASURE, tune: TUNE });
    expect(charts(html)).toEqual(['confusion', 'timing', 'rule-noise', 'curve', 'curve', 'curve']);
    expect(html).toContain(`<body data-charts="${3 + TUNE.curves.length}">`);
    for (const svg of html.match(/<svg class="chart"[^>]*>/g) ?? []) {
      expect(svg).toMatch(/ role="img"/);
      expect(svg).toMatch(/ aria-label="[^"]{10,}"/);
      expect(svg).toMatch(/ viewBox="0 0 \d+ \d+"/);
    }
    const timing = sectionOf(html, 'timing');
    expect(timing).toContain('first escalation turn − ideal turn');
    expect(timing).toContain('>conversations</text>');
    // One bar per offset of the histogram; +3 has no conversation and no bar.
    expect(timing.match(/<rect /g)).toHaveLength(MEASURE.timing.histogram.length);
    expect(sectionOf(html, 'confusion').match(/<rect /g)).toHaveLength(4);
    expect(sectionOf(html, 'rules')).toContain('share of conversations with an outcome</text>');
  });

  it('ranks the rules by noise, the ones that never fired last', () => {
    const rules = sectionOf(renderHtmlReport({ measure: MEASURE }), 'rules');
    const order = [...rules.matchAll(/<tr><td class="num">\d+<\/td><td><span class="name">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(order).toEqual(['long-conversation', 'high-frustration', 'repeated-bot-failure', 'explicit-human-request', 'after-hours']);
    // A rule that never fired with an outcome has no share: it is in the table, not in the chart.
    const chart = rules.slice(rules.indexOf('<svg'), rules.indexOf('</svg>'));
    expect(chart).not.toContain('after-hours');
    expect(chart.match(/<rect /g)).toHaveLength(8);
  });

  it('ranks a suppress rule after the escalate rules and keeps it out of the chart, however often it fired where no person was needed', () => {
    const busy = { rule: 'after-hours', event: 'suppress' as const, fired: 40, firedWithOutcome: 40, unneeded: 36, unneededShare: 0.9, shareOfUnneeded: 0.65 };
    const measure = { ...MEASURE, rules: MEASURE.rules.map((r) => (r.rule === 'after-hours' ? busy : r)) };
    const rules = sectionOf(renderHtmlReport({ measure }), 'rules');
    const order = [...rules.matchAll(/<tr><td class="num">\d+<\/td><td><span class="name">([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(order.at(-1)).toBe('after-hours');
    const chart = rules.slice(rules.indexOf('<svg'), rules.indexOf('</svg>'));
    expect(chart).not.toContain('after-hours');
  });

  it('lists the bot gaps with counts, needed share and the redacted examples', () => {
    const gaps = sectionOf(renderHtmlReport({ measure: MEASURE }), 'gaps');
    expect(gaps.match(/<table class="gaps">/g)).toHaveLength(3);
    expect(gaps).toContain('<span class="name">sorry, i did not get that.</span>');
    expect(gaps).toContain('<span class="where">c6 · turn 2</span> <q>yes, [card] is the card</q>');
    expect(gaps).toContain('<td class="num">70%</td>');
  });

  it('draws each curve with precision, recall and F1, marking the original and the tuned value', () => {
    const html = renderHtmlReport({ measure: MEASURE, tune: TUNE });
    const svgs = html.match(/<svg class="chart" data-chart="curve"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(3);
    const [frustration, long, negative] = svgs as [string, string, string];
    expect(frustration).toContain('data-rule="high-frustration" data-path="conditions.all[0].value"');
    expect(frustration).toContain('>original 0.6</text>');
    expect(frustration).toContain('>tuned 0.45</text>');
    expect(frustration.match(/<path /g)).toHaveLength(3);
    expect(frustration).toContain('>precision / recall</text>');
    expect(frustration).toContain('frustration.score (greaterThanInclusive): threshold value');
    expect(long).toContain('>original 4</text>');
    expect(long).toContain('>tuned 5</text>');
    expect(negative).toContain('>original = tuned -0.3</text>');
  });

  it('draws the curves given on their own, in place of the tune report ones', () => {
    const one: Curve[] = [CurveSchema.parse(TUNE.curves[1])];
    expect(charts(renderHtmlReport({ measure: MEASURE, tune: TUNE, curves: one }))).toEqual(['confusion', 'timing', 'rule-noise', 'curve']);
    const html = renderHtmlReport({ measure: MEASURE, curves: one });
    expect(charts(html)).toEqual(['confusion', 'timing', 'rule-noise', 'curve']);
    expect(sectionOf(html, 'tuning')).toContain('No tuning results: run <code>warm-handoff tune</code>');
  });

  it('says there are no curves and names the command that draws them', () => {
    const html = renderHtmlReport({ measure: MEASURE });
    expect(charts(html)).toEqual(['confusion', 'timing', 'rule-noise']);
    expect(html).toContain('<body data-charts="3">');
    expect(sectionOf(html, 'curves')).toContain('No curves: run <code>warm-handoff tune</code>');
    expect(charts(renderHtmlReport({ measure: MEASURE, tune: { ...TUNE, curves: [] } }))).toHaveLength(3);
  });

  it('breaks a curve where a point is undefined, and notes a curve with no defined point', () => {
    const base = TUNE.curves[0] as Curve;
    const holes: Curve = { ...base, points: base.points.map((p, i) => (i === 5 ? { ...p, precision: null, f1: null } : p)) };
    const empty: Curve = { ...base, rule: 'never-labelled', points: base.points.map((p) => ({ value: p.value, precision: null, recall: null, f1: null })) };
    const html = renderHtmlReport({ measure: MEASURE, curves: [holes, empty] });
    expect(charts(html)).toEqual(['confusion', 'timing', 'rule-noise', 'curve']);
    const precision = html.match(/<path d="([^"]+)" fill="none" stroke="#2563eb"/)?.[1] ?? '';
    expect(precision.match(/M/g)).toHaveLength(2);
    expect(sectionOf(html, 'curves')).toContain('No data: every point of this sweep is undefined');
  });

  it('shows the held-out scores before and after, and every changed number with its fold values', () => {
    const tuning = sectionOf(renderHtmlReport({ measure: MEASURE, tune: TUNE }), 'tuning');
    expect(tuning).toContain('F-beta with β = 2 (recall weighs more)');
    expect(tuning).toContain('<tr><td>precision</td><td class="num">0.850</td><td class="num">0.809</td><td class="num">−0.041</td><td class="num">0.833</td></tr>');
    expect(tuning).toContain('<tr><td>false negatives (missed)</td><td class="num">11</td><td class="num">7</td><td class="num">−4</td><td class="num">5</td></tr>');
    const numbers = tuning.slice(tuning.indexOf('<table class="numbers">'), tuning.indexOf('</table>', tuning.indexOf('<table class="numbers">')));
    expect(numbers.match(/<tr>/g)).toHaveLength(3); // header and the two changed numbers
    expect(numbers).toContain('<td class="num">0.6</td><td class="num"><strong>0.45</strong></td><td class="num">−0.15</td>');
    expect(numbers).toContain('<span class="chip">0.45</span> <span class="chip">0.45</span> <span class="chip">0.5</span> <span class="chip">0.45</span> <span class="chip">0.4</span>');
    expect(numbers).toContain('spread 0.1');
    expect(numbers).toContain('every fold agrees');
    expect(numbers).not.toContain('sustained-negative-sentiment');
    expect(tuning).toContain('<summary>1 other number unchanged</summary>');
  });

  it('says so when tuning changed nothing, and describes a cost objective', () => {
    const still: TuneReport = TuneReportSchema.parse({
      ...TUNE,
      objective: { kind: 'cost', unneededCost: 4, missedCost: 30 },
      numbers: TUNE.numbers.map((n) => ({ ...n, after: n.before })),
    });
    const tuning = sectionOf(renderHtmlReport({ measure: MEASURE, tune: still }), 'tuning');
    expect(tuning).toContain('Tuning kept every number as it was.');
    expect(tuning).toContain('an unneeded handoff costs 4, a missed one 30');
  });

  it('escapes every piece of text, so customer text with markup comes out inert', () => {
    const measure: MeasureReport = MeasureReportSchema.parse({
      ...MEASURE,
      rules: MEASURE.rules.map((r, i) => (i === 0 ? { ...r, rule: INJECTION } : r)),
      botGaps: {
        intents: MEASURE.botGaps.intents.map((g) => ({ ...g, key: INJECTION, examples: g.examples.map((e) => ({ ...e, excerpt: INJECTION, conversationId: INJECTION })) })),
        topics: MEASURE.botGaps.topics,
        botReplies: MEASURE.botGaps.botReplies.map((g) => ({ ...g, key: INJECTION })),
      },
    });
    const curves = TUNE.curves.map((c) => ({ ...c, rule: INJECTION, path: INJECTION, fact: INJECTION, operator: INJECTION }));
    const tune = { ...TUNE, numbers: TUNE.numbers.map((n) => ({ ...n, rule: INJECTION, path: INJECTION, fact: INJECTION, operator: INJECTION })) };
    const html = renderHtmlReport({ measure, tune, curves, title: INJECTION });

    // Only the page's own script, and no tag or attribute that came from the data.
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("dataset.pwned='1'</script>");
    for (const tag of html.match(/<[a-z][^>]*>/gi) ?? []) expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+=/i);
    const escaped = '&lt;script&gt;document.body.dataset.pwned=&#39;1&#39;&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&quot;&#39;&amp;';
    expect(html).toContain(`<title>${escaped}</title>`);
    expect(html).toContain(`<q>${escaped}</q>`);
    expect(html).toContain(`data-rule="${escaped}"`);
    expect(html.split(escaped).length - 1).toBeGreaterThan(20);
    expect(charts(html)).toHaveLength(6);
  });

  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('refers to nothing outside the page', () => {
    const html = renderHtmlReport({ measure: MEASURE, tune: TUNE });
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\ssrc=/i);
    expect(html).not.toMatch(/url\(|@import|<link|<iframe|<object|<embed|<img/i);
    for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="#[a-z]+"$/);
    // The policy forbids any fetch and allows exactly the page's own script, by its hash.
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1]?.replace(/&#39;/g, "'") ?? '';
    expect(csp).toContain("default-src 'none'");
    const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? '';
    expect(script).toContain('renderedCharts');
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
  });

  it('renders an empty report with clear no-data notes and no chart', () => {
    const html = renderHtmlReport({ measure: EMPTY_MEASURE });
    expect(charts(html)).toEqual([]);
    expect(html).toContain('<body data-charts="0">');
    expect(sectionOf(html, 'summary')).toContain('No data: the logs hold no conversation.');
    expect(sectionOf(html, 'confusion')).toContain('No data: no conversation has an outcome');
    expect(sectionOf(html, 'timing')).toContain('No timing data: no outcome gives an ideal turn');
    expect(sectionOf(html, 'rules')).toContain('No data: the rule pack has no rule.');
    expect(sectionOf(html, 'gaps').match(/<p class="note">None\.<\/p>/g)).toHaveLength(3);
    expect(html).not.toMatch(/NaN|Infinity|>undefined<|"undefined"/);
  });

  it('renders a report without escalations: precision undefined, timing and rule charts replaced by notes', () => {
    const measure = MeasureReportSchema.parse({
      ...EMPTY_MEASURE,
      counts: { conversations: 5, withOutcome: 5, withoutOutcome: 0, outcomesWithoutConversation: 0, byOutcome: { needed: 2, unneeded: 2, late: 0, missed: 1 } },
      escalationRate: 0,
      confusion: { tp: 0, fp: 0, fn: 3, tn: 2 },
      recall: 0,
      timing: { ...EMPTY_MEASURE.timing, withIdealTurn: 2, notEscalated: 2 },
      rules: [{ rule: 'quiet', event: 'escalate', fired: 0, firedWithOutcome: 0, unneeded: 0, unneededShare: null, shareOfUnneeded: null }],
    });
    const html = renderHtmlReport({ measure });
    expect(charts(html)).toEqual(['confusion']);
    expect(sectionOf(html, 'summary')).toContain('The replay escalated no conversation, so precision is undefined');
    expect(sectionOf(html, 'summary')).toContain('<div class="card-value">–</div>');
    expect(sectionOf(html, 'timing')).toContain('No timing data: the replay escalated none of the 2 conversations with an ideal turn.');
    expect(sectionOf(html, 'rules')).toContain('No data to chart: no rule fired in a conversation with an outcome.');
    expect(sectionOf(html, 'rules')).toContain('<span class="name">quiet</span>');
    expect(html).not.toMatch(/NaN|Infinity|>undefined<|"undefined"/);
  });

  it('draws a single-bar histogram and a one-point curve without dividing by zero', () => {
    const measure = MeasureReportSchema.parse({ ...MEASURE, timing: { ...MEASURE.timing, histogram: [{ offset: 3, count: 1 }] } });
    const curve: Curve = { ...(TUNE.curves[1] as Curve), before: 4, after: 4, points: [{ value: 4, precision: 0.5, recall: 0.5, f1: 0.5 }] };
    const html = renderHtmlReport({ measure, curves: [curve] });
    expect(charts(html)).toEqual(['confusion', 'timing', 'rule-noise', 'curve']);
    expect(html).not.toMatch(/NaN|Infinity|>undefined<|"undefined"/);
  });

  it('throws a ValidationError on a report that does not match its schema', () => {
    const bad = { ...MEASURE, precision: Number.NaN } as MeasureReport;
    expect(() => renderHtmlReport({ measure: bad })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    try {
      renderHtmlReport({ measure: MEASURE, curves: [{ ...(TUNE.curves[0] as Curve), points: [{ value: 1, precision: 2, recall: 0, f1: 0 }] }] });
      throw new Error('expected a throw');
    } catch (error) {
      expect(isValidationError(error)).toBe(true);
      expect((error as Error).message).toMatch(/^Invalid curves: 1 problem/);
    }
  });
});

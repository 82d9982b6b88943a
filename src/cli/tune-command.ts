import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { measure } from '../feedback/measure';
import { tune } from '../feedback/tune';
import { findTunables, setAt } from '../feedback/tunables';
import type { Objective, Score, TuneReport } from '../feedback/tune-report';
import { DEFAULT_RULES_DIR } from '../rules/default-pack';
import type { Rule } from '../schema/rule-pack';
import type { CliArgs } from './args';
import { readLabelled, UsageError } from './read-input';
import { escalatorFrom, progressBar } from './replay-many';
import { performance } from 'node:perf_hooks';
import { writeHtmlReport } from './write-report';

const fixed = (x: number | null): string => (x === null ? '-' : x.toFixed(3));

/** `f1`, `f2`, `f0.5`, `fbeta:B` or `cost:UNNEEDED:MISSED` (agent minutes). */
export function parseObjective(text: string | undefined): Objective {
  if (text === undefined) return { kind: 'fbeta', beta: 1 };
  const f = /^f(\d+(?:\.\d+)?)$/.exec(text) ?? /^fbeta:(\d+(?:\.\d+)?)$/.exec(text);
  if (f !== null && Number(f[1]) > 0) return { kind: 'fbeta', beta: Number(f[1]) };
  const cost = /^cost:(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(text);
  if (cost !== null) return { kind: 'cost', unneededCost: Number(cost[1]), missedCost: Number(cost[2]) };
  throw new UsageError(`--objective expects f1, f2, f0.5, fbeta:B or cost:UNNEEDED:MISSED (agent minutes), found '${text}'`);
}

function objectiveName(o: Objective): string {
  return o.kind === 'fbeta' ? `F${o.beta}` : `cost (unneeded ${o.unneededCost} min, missed ${o.missedCost} min; shown as minus minutes per conversation)`;
}

function scoreLine(label: string, s: Score): string {
  const c = s.confusion;
  return `  ${label.padEnd(26)}${fixed(s.precision).padStart(10)}${fixed(s.recall).padStart(8)}${fixed(s.f1).padStart(8)}${s.objective.toFixed(3).padStart(11)}   tp ${c.tp} fp ${c.fp} fn ${c.fn} tn ${c.tn}`;
}

/** The held-out comparison and the diff of every changed number, for people. */
export function formatTuneReport(report: TuneReport): string {
  const lines = [
    `Tuned ${report.numbers.length} number${report.numbers.length === 1 ? '' : 's'} on ${report.conversations} labelled conversations, maximising ${objectiveName(report.objective)}`,
    `  ${report.folds}-fold cross-validation (seed ${report.seed}): each fold is scored by a pack tuned on the other folds`,
    '',
    `  ${''.padEnd(26)}${'precision'.padStart(10)}${'recall'.padStart(8)}${'F1'.padStart(8)}${'objective'.padStart(11)}`,
    scoreLine('held out   before', report.before),
    scoreLine('held out   after', report.after),
    scoreLine('training   after', report.training),
    '',
  ];
  const changed = report.numbers.filter((n) => n.before !== n.after);
  if (changed.length === 0) lines.push('No number changed: the pack already scores best on these outcomes.');
  else lines.push(`Changed (${changed.length} of ${report.numbers.length}); held-out F1 is the pack's with only that number tuned:`);
  for (const n of changed) {
    lines.push(
      `  ${n.rule} ${n.path} (${n.fact} ${n.operator}): ${n.before} -> ${n.after}   held-out F1 ${fixed(report.before.f1)} -> ${fixed(n.heldOutAlone.f1)}   folds chose ${n.foldValues.join(', ')}`,
    );
  }
  const same = report.numbers.filter((n) => n.before === n.after);
  if (same.length > 0 && changed.length > 0) lines.push(`Unchanged: ${same.map((n) => `${n.rule} ${n.fact} ${n.before}`).join(', ')}`);
  return lines.join('\n');
}

/**
 * Writes the tuned pack as a copy of the source pack's files in which only the tuned numbers
 * differ, so a diff of the two folders shows exactly what tuning changed. Other JSON beside
 * the rules (such as risk weights) is copied as it is.
 */
export function writeTunedPack(source: string, out: string, before: readonly Rule[], after: readonly Rule[]): string[] {
  const was = findTunables({ rules: [...before] });
  const now = findTunables({ rules: [...after] });
  const changes = now.filter((slot, i) => slot.value !== was[i]!.value);
  const isDir = statSync(source).isDirectory();
  const files = isDir ? readdirSync(source).filter((f) => f.endsWith('.json')).sort() : [basename(source)];
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const file of files) {
    const from = isDir ? join(source, file) : source;
    let content = JSON.parse(readFileSync(from, 'utf8')) as unknown;
    let touched = false;
    for (const change of changes) {
      const rule = change.rule;
      if (isRuleNamed(content, rule)) {
        content = setAt(content, change.keys, change.value);
        touched = true;
      } else if (isPackDoc(content)) {
        const index = content.rules.findIndex((r) => isRuleNamed(r, rule));
        if (index >= 0) {
          content = setAt(content, ['rules', index, ...change.keys], change.value);
          touched = true;
        }
      }
    }
    const to = join(out, file);
    if (touched) writeFileSync(to, `${JSON.stringify(content, null, 2)}\n`);
    else copyFileSync(from, to);
    written.push(to);
  }
  return written;
}

const isRuleNamed = (v: unknown, name: string): boolean => typeof v === 'object' && v !== null && (v as { name?: unknown }).name === name;
const isPackDoc = (v: unknown): v is { rules: unknown[] } => typeof v === 'object' && v !== null && Array.isArray((v as { rules?: unknown }).rules);

/**
 * `tune LOGS OUTCOMES [--rules DIR] [--out DIR] [--folds N] [--seed N] [--objective O] [--report FILE]`: searches
 * the pack's tunable numbers, prints held-out figures before and after and every changed number,
 * and with `--out` writes the tuned pack folder.
 */
export async function tuneCommand(args: CliArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const objective = parseObjective(args.objective);
  const { conversations, outcomes, environment } = readLabelled(args);
  const escalator = escalatorFrom(args.rules);
  if (args.out !== undefined && existsSync(args.out) && readdirSync(args.out).length > 0) {
    throw new UsageError(`--out ${args.out} is not empty: give a new folder for the tuned pack`);
  }
  const options = { ...(environment === undefined ? {} : { environment: environment as never }) };
  const bar = progressBar(process.stderr, () => performance.now());
  const { rules, report } = await tune(conversations, outcomes, {
    ...options,
    onProgress: (done, total) => bar.update(done, total),
    rules: escalator.rulePack,
    objective,
    ...(args.folds === undefined ? {} : { folds: args.folds }),
    ...(args.seed === undefined ? {} : { seed: args.seed }),
  });
  bar.end();
  if (args.report !== undefined) {
    // The page's summary, rules and bot gaps are the tuned pack's, replayed on the same logs.
    const measured = await measure(conversations, outcomes, { ...options, rules: { rules } });
    const problem = writeHtmlReport(args.report, { measure: measured, tune: report });
    if (problem !== undefined) throw new UsageError(problem);
  }
  if (args.json) out(JSON.stringify(report, null, 2));
  else out(formatTuneReport(report));
  // Where things went: after the report on stdout, or on stderr so --json stays pure JSON.
  const notes: string[] = [];
  if (args.out !== undefined) {
    const files = writeTunedPack(args.rules ?? DEFAULT_RULES_DIR, args.out, escalator.rulePack.rules, rules);
    notes.push(`Tuned pack written to ${args.out} (${files.length} file${files.length === 1 ? '' : 's'})`);
  }
  if (args.report !== undefined) notes.push(`HTML report written to ${args.report}`);
  if (notes.length > 0) (args.json ? err : out)(args.json ? notes.join('\n') : `\n${notes.join('\n')}`);
  return 0;
}

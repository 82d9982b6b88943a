import { writeFileSync } from 'node:fs';
import { HAND_SET_RISK_WEIGHTS, RISK_FEATURE_NAMES, type RiskWeights } from '../decision/risk';
import { fitRiskWeights, type RiskFitReport } from '../feedback/risk-model';
import type { CliArgs } from './args';
import { readLabelled, UsageError } from './read-input';
import { escalatorFrom } from './replay-many';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const cell = (x: number | null, width: number): string => (x === null ? '-' : x.toFixed(4)).padStart(width);
const signed = (x: number): string => (x < 0 ? x.toFixed(3) : ` ${x.toFixed(3)}`);

/** The held-out comparison and the weights, for people. */
export function formatRiskFit(report: RiskFitReport, weights: RiskWeights): string {
  const c = report.counts;
  const row = (label: string, m: { logLoss: number; auc: number | null; brier: number }): string =>
    `  ${label.padEnd(22)}${cell(m.logLoss, 9)}${cell(m.auc, 9)}${cell(m.brier, 9)}`;
  const lines = [
    `Risk weights fitted on ${plural(c.used, 'conversation')} with an outcome: ${plural(c.examples, 'user turn')}, ${c.positives} of them where a person was needed`,
    `  ${report.folds}-fold cross-validation by conversation (seed ${report.seed}), L2 penalty ${report.l2}`,
  ];
  const skipped = [
    c.withoutOutcome > 0 ? `${plural(c.withoutOutcome, 'conversation')} without an outcome` : '',
    c.outcomesWithoutConversation > 0 ? `${plural(c.outcomesWithoutConversation, 'outcome')} with no conversation in the logs` : '',
    c.idealTurnPastEnd > 0 ? `${plural(c.idealTurnPastEnd, 'ideal turn')} past the conversation's end (read as its last turn)` : '',
  ].filter((s) => s !== '');
  if (skipped.length > 0) lines.push(`  not used: ${skipped.join('; ')}`);
  lines.push(
    '',
    `  ${''.padEnd(22)}${'log-loss'.padStart(9)}${'AUC'.padStart(9)}${'Brier'.padStart(9)}`,
    row('held out   fitted', report.heldOut.fitted),
    row('           hand-set', report.heldOut.handSet),
    row('training   fitted', report.training.fitted),
    '  (log-loss and Brier: lower is better; AUC: higher is better)',
    '',
    `  ${'weight'.padEnd(20)}${'fitted'.padStart(8)}${'hand-set'.padStart(10)}`,
  );
  for (const name of ['bias', ...RISK_FEATURE_NAMES] as const) {
    lines.push(`  ${name.padEnd(20)}${signed(weights[name]).padStart(8)}${signed(HAND_SET_RISK_WEIGHTS[name]).padStart(10)}`);
  }
  return lines.join('\n');
}

/**
 * `fit-risk LOGS OUTCOMES [--out FILE] [--folds N]`: fits the risk weights and prints the
 * held-out comparison. With `--out` the table goes to `out` and the weights to the file;
 * without, the weights JSON goes to `out` and the table to `err`, so `> risk-weights.json` works.
 * Errors, the library's and usage ones, are thrown for `main` to print.
 */
export async function fitRiskCommand(args: CliArgs, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { logs, conversations, outcomes, environment } = readLabelled(args);
  const { weights, report } = await fitRiskWeights(conversations, outcomes, {
    escalator: escalatorFrom(args.rules),
    source: logs,
    ...(args.folds === undefined ? {} : { folds: args.folds }),
    ...(environment === undefined ? {} : { environment: environment as never }),
  });
  const json = `${JSON.stringify(weights, null, 2)}\n`;
  const table = formatRiskFit(report, weights);
  if (args.out === undefined) {
    err(table);
    out(json.trimEnd());
    return 0;
  }
  try {
    writeFileSync(args.out, json);
  } catch (error) {
    throw new UsageError(`cannot write ${args.out} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  out(`${table}\n\nWeights written to ${args.out}`);
  return 0;
}

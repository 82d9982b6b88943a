import { parseArgs } from 'node:util';

export interface CliArgs {
  readonly command: string | undefined;
  readonly paths: string[];
  readonly json: boolean;
  readonly rules: string | undefined;
  readonly env: string | undefined;
  /** Worker threads for `replay` over many conversations; undefined: the machine's cores. */
  readonly workers: number | undefined;
  /** `fit-risk`: the file the weights are written to (undefined: standard output); `tune`: the tuned pack's folder. */
  readonly out: string | undefined;
  /** `fit-risk` and `tune`: cross-validation folds; undefined: the library's default. */
  readonly folds: number | undefined;
  /** `tune`: what to maximise (f1, f2, f0.5, fbeta:B, cost:U:M). */
  readonly objective: string | undefined;
  /** `tune`: seed of the fold split. */
  readonly seed: number | undefined;
  /** `measure`: also write the report as a self-contained HTML page to this file. */
  readonly report: string | undefined;
  readonly help: boolean;
}

/** Parses the command line; unknown options throw with node's own message. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      rules: { type: 'string' },
      env: { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string' },
      folds: { type: 'string' },
      objective: { type: 'string' },
      seed: { type: 'string' },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    command: positionals[0],
    paths: positionals.slice(1),
    json: values.json === true,
    rules: values.rules,
    env: values.env,
    workers: parseWhole('workers', values.workers, 1, 256),
    out: values.out,
    folds: parseWhole('folds', values.folds, 2, 100),
    objective: values.objective,
    seed: parseWhole('seed', values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    report: values.report,
    help: values.help === true,
  };
}

/** A whole-number option within [min, max]; a bad one throws as node's own option errors do. */
function parseWhole(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = min === Number.MIN_SAFE_INTEGER ? '' : ` from ${min} to ${max}`;
    throw Object.assign(new Error(`--${name} expects a whole number${range}, found '${value}'`), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
  }
  return n;
}

export const USAGE = `Usage: warm-handoff <command> [options]

Commands:
  evaluate FILE       Evaluate a conversation (or scenario) file and print the decision
  replay FILE         Print a turn-by-turn timeline of sentiment, risk and the decision
  replay FILE.jsonl|DIR
                      Replay many conversations on worker threads: one line each
  measure LOGS OUTCOMES
                      Replay logs (a JSONL file or a folder) and score the escalations against
                      agent outcomes (JSONL): precision, recall, timing, rules and bot gaps
  fit-risk LOGS OUTCOMES
                      Fit the risk score's weights to agent outcomes (cross-validated by
                      conversation); prints held-out figures against the hand-set weights
  tune LOGS OUTCOMES  Search the pack's numbers marked "tunable" for the best held-out score
                      against agent outcomes (k-fold); --out DIR writes the tuned pack
  test PATH...        Run scenario files or folders and check their expectations
  explain TEXT        Show why one customer message scores as it does: the words and rules
                      behind its sentiment, a request for a person, frustration and topics
  schema NAME         Print the JSON Schema of a scenario, conversation, packet or decision
  demo                Run the bundled fixtures on the default rule pack

Options:
  --json              Print machine-readable JSON
  --rules DIR|FILE    Use this rule pack instead of the default one (scenarios may name their own)
  --env FILE          Environment JSON (agents available, queues, business hours, now)
  --workers N         Worker threads for replay and measure over many conversations (default: the machine's cores)
  --out FILE|DIR      fit-risk: write the weights JSON here (e.g. DIR/risk-weights.json) instead of standard output;
                      tune: the new folder for the tuned pack
  --folds N           fit-risk, tune: cross-validation folds (default 5)
  --objective O       tune: f1 (default), f2, f0.5, fbeta:B, or cost:UNNEEDED:MISSED in agent minutes
  --seed N            tune: seed of the fold split (default 1)
  --report FILE       measure, tune: also write the report as a self-contained HTML page with charts
  -h, --help          Show this help`;

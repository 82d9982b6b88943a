import { parseArgs } from 'node:util';

export interface CliArgs {
  readonly command: string | undefined;
  readonly paths: string[];
  readonly json: boolean;
  readonly rules: string | undefined;
  readonly env: string | undefined;
  /** Worker threads for `replay` over many conversations; undefined: the machine's cores. */
  readonly workers: number | undefined;
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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    command: positionals[0],
    paths: positionals.slice(1),
    json: values.json === true,
    rules: values.rules,
    env: values.env,
    workers: parseWorkers(values.workers),
    help: values.help === true,
  };
}

function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw Object.assign(new Error(`--workers expects a whole number from 1 to 256, found '${value}'`), { code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' });
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
  test PATH...        Run scenario files or folders and check their expectations
  schema NAME         Print the JSON Schema of a scenario, conversation, packet or decision
  demo                Run the bundled fixtures on the default rule pack

Options:
  --json              Print machine-readable JSON
  --rules DIR|FILE    Use this rule pack instead of the default one (scenarios may name their own)
  --env FILE          Environment JSON (agents available, queues, business hours, now)
  --workers N         Worker threads for replay and measure over many conversations (default: the machine's cores)
  -h, --help          Show this help`;

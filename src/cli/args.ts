import { parseArgs } from 'node:util';

export interface CliArgs {
  readonly command: string | undefined;
  readonly paths: string[];
  readonly json: boolean;
  readonly rules: string | undefined;
  readonly env: string | undefined;
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
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  return {
    command: positionals[0],
    paths: positionals.slice(1),
    json: values.json === true,
    rules: values.rules,
    env: values.env,
    help: values.help === true,
  };
}

export const USAGE = `Usage: warm-handoff <command> [options]

Commands:
  evaluate FILE       Evaluate a conversation (or scenario) file and print the decision
  replay FILE         Print a turn-by-turn timeline of sentiment, risk and the decision
  test PATH...        Run scenario files or folders and check their expectations
  demo                Run the bundled fixtures on the default rule pack

Options:
  --json              Print machine-readable JSON
  --rules DIR|FILE    Use this rule pack instead of the default one
  --env FILE          Environment JSON (agents available, queues, business hours, now)
  -h, --help          Show this help`;

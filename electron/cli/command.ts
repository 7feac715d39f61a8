import type { CliIo } from './io';

/** One flag of a command: its parseArgs type, the placeholder shown in help, and what it does. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder for the value in help, e.g. "H,W,C"; string options only. */
  value?: string;
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

export interface CommandArgs<O extends OptionSpecs> {
  values: OptionValues<O>;
  positionals: string[];
}

/**
 * A CLI command describes itself: the main help lists `name`, `positionals` and
 * `summary`; `netwright NAME --help` prints `synopsis`, `help` and the options;
 * the argument parser accepts exactly `options` (plus --help) and the positionals named.
 */
export interface CliCommand<O extends OptionSpecs = OptionSpecs> {
  name: string;
  /** Positional arguments by name; a name in brackets is optional, e.g. ['[ID]']. */
  positionals: readonly string[];
  /** Everything after `npx netwright NAME` in the usage line. */
  synopsis: string;
  /** One line for the main help. */
  summary: string;
  /** What the command does, printed between the usage line and the options. */
  help: string;
  options: O;
  run(args: CommandArgs<O>, io: CliIo): Promise<number>;
}

/** Keeps each command's option types while the list holds them all. */
export const defineCommand = <O extends OptionSpecs>(command: CliCommand<O>): CliCommand<O> => command;

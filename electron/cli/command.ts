import type { Catalogue } from '../../shared/i18n';
import type { CliIo } from './io';
import type { CliText } from './text';

type HelpTexts = Catalogue['cli']['more']['help'];

/** A command's name: its help texts are the catalogue's under cli.more.help.commands. */
export type CommandName = keyof HelpTexts['commands'];

/** What a flag does, in help: a catalogue text (cli.more.help.options) or one made from others. */
export type OptionText = keyof HelpTexts['options'] | ((text: CliText) => string);

/** One flag of a command: its parseArgs type, the placeholder shown in help, and what it does. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Placeholder for the value in help, e.g. "H,W,C"; string options only. */
  value?: string;
  text: OptionText;
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
 * A CLI command describes itself: the main help lists `name`, `positionals` and its
 * summary; `netwright NAME --help` prints `synopsis`, its help text and the options;
 * the argument parser accepts exactly `options` (plus --help) and the positionals named.
 * The summary and help text are the catalogue's (cli.more.help.commands.NAME), per language.
 */
export interface CliCommand<O extends OptionSpecs = OptionSpecs> {
  name: CommandName;
  /** Positional arguments by name; a name in brackets is optional, e.g. ['[ID]']. */
  positionals: readonly string[];
  /** Everything after `npx netwright NAME` in the usage line: syntax, the same in every language. */
  synopsis: string;
  /** The values the help text's {{placeholders}} take, where it has any. */
  helpValues?(text: CliText): Record<string, string>;
  options: O;
  run(args: CommandArgs<O>, io: CliIo): Promise<number>;
}

/** Keeps each command's option types while the list holds them all. */
export const defineCommand = <O extends OptionSpecs>(command: CliCommand<O>): CliCommand<O> => command;

import { errorMessage } from '../../shared/issues';
import { appVersion } from '../services/appInfo';
import { parseCommandArgs } from './args';
import type { CliCommand, CommandName } from './command';
import { commandHelp, mainHelp } from './help';
import { CliError, type CliIo, ExitCode } from './io';
import { cliText } from './text';

export const helpCommand: CliCommand = {
  name: 'help',
  positionals: ['[COMMAND]'],
  synopsis: '[COMMAND]',
  options: {},
  async run({ positionals: [name] }, io) {
    if (name === undefined) io.out(mainHelp(await allCommands(), cliText(io)));
    else io.out(commandHelp(await commandNamed(name), cliText(io)));
    return ExitCode.ok;
  },
};

// biome-ignore lint/suspicious/noExplicitAny: each command has its own option types, checked where it is defined.
type AnyCommand = CliCommand<any>;

/**
 * Every command, in the order the main help lists them. Each command's module is imported
 * only when that command runs (or help lists them all), so `analyze` loads neither the
 * exporters nor the slide decks nor the lecture. run.ts lists the same commands loaded.
 */
const commandModules: Readonly<Record<CommandName, () => Promise<AnyCommand>>> = {
  analyze: async () => (await import('./analyze')).analyzeCommand,
  suggest: async () => (await import('./suggest')).suggestCommand,
  factorize: async () => (await import('./factorize')).factorizeCommand,
  compare: async () => (await import('./compare')).compareCommand,
  train: async () => (await import('./train')).trainCommand,
  experiment: async () => (await import('./experiment')).experimentCommand,
  export: async () => (await import('./export')).exportCommand,
  slides: async () => (await import('./slides')).slidesCommand,
  template: async () => (await import('./template')).templateCommand,
  timeline: async () => (await import('./timeline')).timelineCommand,
  help: async () => helpCommand,
};

async function allCommands(): Promise<AnyCommand[]> {
  return Promise.all(Object.values(commandModules).map((load) => load()));
}

async function commandNamed(name: string): Promise<AnyCommand> {
  if (!Object.hasOwn(commandModules, name)) throw new CliError(({ t }) => t('more.args.unknownCommand', { name }));
  return commandModules[name as CommandName]();
}

/** Runs one CLI invocation; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h') {
      io.out(mainHelp(await allCommands(), cliText(io)));
      return ExitCode.ok;
    }
    if (first === '--version' || first === '-v') {
      io.out(appVersion);
      return ExitCode.ok;
    }
    const command = await commandNamed(first);
    const { help, ...args } = parseCommandArgs(command, rest);
    if (help) {
      io.out(commandHelp(command, cliText(io)));
      return ExitCode.ok;
    }
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`netwright: ${err.in(io)}`);
      return err.exitCode;
    }
    io.err(`netwright: ${cliText(io).t('more.args.internal', { message: errorMessage(err) })}`);
    return ExitCode.badInput;
  }
}

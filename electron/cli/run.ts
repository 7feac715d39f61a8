import { errorMessage } from '../../shared/issues';
import { appVersion } from '../services/appInfo';
import { analyzeCommand } from './analyze';
import { parseCommandArgs } from './args';
import type { CliCommand } from './command';
import { compareCommand } from './compare';
import { experimentCommand } from './experiment';
import { exportCommand } from './export';
import { factorizeCommand } from './factorize';
import { commandHelp, mainHelp } from './help';
import { CliError, type CliIo, ExitCode } from './io';
import { slidesCommand } from './slides';
import { suggestCommand } from './suggest';
import { templateCommand } from './template';
import { cliText } from './text';
import { timelineCommand } from './timeline';
import { trainCommand } from './train';

const helpCommand: CliCommand = {
  name: 'help',
  positionals: ['[COMMAND]'],
  synopsis: '[COMMAND]',
  options: {},
  async run({ positionals: [name] }, io) {
    if (name === undefined) io.out(mainHelp(commands, cliText(io)));
    else io.out(commandHelp(commandNamed(name), cliText(io)));
    return ExitCode.ok;
  },
};

/** Every command, in the order the main help lists them; nothing else enumerates them. */
// biome-ignore lint/suspicious/noExplicitAny: each command has its own option types, checked where it is defined.
export const commands: readonly CliCommand<any>[] = [
  analyzeCommand,
  suggestCommand,
  factorizeCommand,
  compareCommand,
  trainCommand,
  experimentCommand,
  exportCommand,
  slidesCommand,
  templateCommand,
  timelineCommand,
  helpCommand,
];

function commandNamed(name: string): CliCommand {
  const command = commands.find((c) => c.name === name);
  if (!command) throw new CliError(({ t }) => t('more.args.unknownCommand', { name }));
  return command;
}

/** Runs one CLI invocation; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h') {
      io.out(mainHelp(commands, cliText(io)));
      return ExitCode.ok;
    }
    if (first === '--version' || first === '-v') {
      io.out(appVersion);
      return ExitCode.ok;
    }
    const command = commandNamed(first);
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

import { errorMessage } from '../../shared/issues';
import { appVersion } from '../services/appInfo';
import { analyzeCommand } from './analyze';
import { compareCommand } from './compare';
import { exportCommand } from './export';
import { factorizeCommand } from './factorize';
import { mainHelp } from './help';
import { CliError, type CliIo, ExitCode } from './io';
import { suggestCommand } from './suggest';
import { templateCommand } from './template';
import { trainCommand } from './train';

export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Subcommands register here as later features add them. */
export const commands: Record<string, Command> = {
  help: async (_args, io) => {
    io.out(mainHelp);
    return ExitCode.ok;
  },
  analyze: analyzeCommand,
  template: templateCommand,
  suggest: suggestCommand,
  factorize: factorizeCommand,
  compare: compareCommand,
  export: exportCommand,
  train: trainCommand,
};

/** Runs one CLI invocation; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '--help' || first === '-h') return await commands.help!([], io);
    if (first === '--version' || first === '-v') {
      io.out(appVersion);
      return ExitCode.ok;
    }
    const command = commands[first];
    if (!command) throw new CliError(`Unknown command "${first}". Run \`npx netwright --help\` for the list.`);
    return await command(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.err(`netwright: ${err.message}`);
      return err.exitCode;
    }
    io.err(`netwright: internal error: ${errorMessage(err)} (please report this)`);
    return ExitCode.badInput;
  }
}

import { analyzeCommand } from './analyze';
import type { CliCommand } from './command';
import { compareCommand } from './compare';
import { helpCommand } from './dispatch';
import { experimentCommand } from './experiment';
import { exportCommand } from './export';
import { factorizeCommand } from './factorize';
import { slidesCommand } from './slides';
import { suggestCommand } from './suggest';
import { templateCommand } from './template';
import { timelineCommand } from './timeline';
import { trainCommand } from './train';

export { runCli } from './dispatch';

/**
 * Every command loaded at once, in the order the main help lists them, for tests and tools
 * that look at them all. The `netwright` process itself runs dispatch.ts, which imports only
 * the command it runs.
 */
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

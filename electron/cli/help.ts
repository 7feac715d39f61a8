import type { CliCommand, OptionSpec } from './command';
import type { CliText } from './text';

/** The counting convention, as the help texts end. */
const conventionNote = (text: CliText) => text.t('more.help.conventionNote');

const columns = (rows: [string, string][], indent = 2, gap = 2) => {
  const width = Math.max(...rows.map(([left]) => left.length)) + gap;
  // A description's later lines line up under its first.
  const wrap = (text: string) => text.split('\n').join(`\n${' '.repeat(indent + width)}`);
  return rows.map(([left, right]) => `${' '.repeat(indent)}${left.padEnd(width)}${wrap(right)}`.trimEnd()).join('\n');
};

/** `npx netwright --help`: one line per registered command. */
export function mainHelp(commands: readonly CliCommand[], text: CliText): string {
  const { t } = text;
  const list = commands.map((c): [string, string] => [
    [c.name, ...c.positionals].join(' ').padEnd(19),
    t(`more.help.commands.${c.name}.summary`),
  ]);
  return t('more.help.main', {
    commands: columns(list),
    options: columns([
      ['--version'.padEnd(19), t('more.help.version')],
      ['--help', t('more.help.showHelp')],
    ]),
    conventionNote: conventionNote(text),
  });
}

export const usageLine = (command: CliCommand, { t }: CliText) =>
  t('more.help.usage', { command: command.name, synopsis: command.synopsis }).trimEnd();

/** What an option does, in the help's language. */
export const optionText = (option: OptionSpec, text: CliText) =>
  typeof option.text === 'function' ? option.text(text) : text.t(`more.help.options.${option.text}`);

/** `npx netwright NAME --help`: usage, what it does, then every option it accepts. */
export function commandHelp(command: CliCommand, text: CliText): string {
  const { t } = text;
  const options = Object.entries(command.options).map(([name, o]): [string, string] => [
    `--${name}${o.value ? ` ${o.value}` : ''}`,
    optionText(o, text),
  ]);
  options.push(['--help', t('more.help.optionHelp')]);
  const help = t(`more.help.commands.${command.name}.help`, {
    conventionNote: conventionNote(text),
    ...command.helpValues?.(text),
  });
  return `${usageLine(command, text)}\n\n${help}\n\n${t('more.help.optionsHeading')}\n${columns(options)}\n`;
}

import type { CliCommand } from './command';

export const conventionNote = `Counting convention: a multiply-add (MAC) is one multiply-accumulate, counted for
convolutions (kh*kw*Cin/groups*Cout*Hout*Wout), depthwise convolutions and dense layers;
bias adds, batch norm, activations and pooling are not MACs. FLOPs = 2 x MACs.
Parameters are the weights Keras would create (batch-norm moving statistics are non-trainable).`;

const columns = (rows: [string, string][], indent = 2, gap = 2) => {
  const width = Math.max(...rows.map(([left]) => left.length)) + gap;
  // A description's later lines line up under its first.
  const wrap = (text: string) => text.split('\n').join(`\n${' '.repeat(indent + width)}`);
  return rows.map(([left, right]) => `${' '.repeat(indent)}${left.padEnd(width)}${wrap(right)}`.trimEnd()).join('\n');
};

/** `npx netwright --help`: one line per registered command. */
export function mainHelp(commands: readonly CliCommand[]): string {
  const list = commands.map((c): [string, string] => [[c.name, ...c.positionals].join(' ').padEnd(19), c.summary]);
  return `netwright: visual architecture editor for convolutional networks, command line

Usage: npx netwright <command> [options]
       npx netwright <command> --help    the command's own options

Commands:
${columns(list)}

Options:
${columns([
  ['--version'.padEnd(19), 'Print the version and exit'],
  ['--help', 'Show this help'],
])}

Every command that reads a network accepts a Netwright project file or a Keras /
TensorFlow.js Layers JSON (model.json or model.to_json()). --json prints one JSON
object on stdout and nothing else.

Exit codes: 0 success, 1 the network has errors (diagnostics printed),
2 unreadable or invalid input or arguments.

${conventionNote}
`;
}

export const usageLine = (command: CliCommand) => `Usage: npx netwright ${command.name} ${command.synopsis}`.trimEnd();

/** `npx netwright NAME --help`: usage, what it does, then every option it accepts. */
export function commandHelp(command: CliCommand): string {
  const options = Object.entries(command.options).map(([name, o]): [string, string] => [
    `--${name}${o.value ? ` ${o.value}` : ''}`,
    o.description,
  ]);
  options.push(['--help', 'show this help']);
  return `${usageLine(command)}\n\n${command.help}\n\nOptions:\n${columns(options)}\n`;
}

import { parseArgs } from 'node:util';
import { errorMessage } from '../../shared/issues';
import type { CliCommand, CommandArgs, OptionSpecs } from './command';
import { CliError } from './io';

/**
 * `--lr -0.1` as `--lr=-0.1`: parseArgs calls a value starting with '-' ambiguous, so a
 * negative number never reached the option's range check, which says what is allowed.
 */
function joinNegativeNumbers(args: string[], options: OptionSpecs): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && next !== undefined && /^-\.?\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  return joined;
}

function optionError(err: unknown, command: CliCommand): CliError {
  const code = (err as { code?: string }).code;
  const message = errorMessage(err).split('\n')[0]!;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    const known = [...Object.keys(command.options).map((o) => `--${o}`), '--help'].join(', ');
    return new CliError(({ t }) => t('more.args.unknownOption', { flag, command: command.name, known }));
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(--[\w-]+)/.exec(message)?.[1];
    const value = flag ? command.options[flag.slice(2)]?.value : undefined;
    if (flag && value)
      return new CliError(({ t }) => t('more.args.needsValue', { flag, value, command: command.name }));
    if (flag) return new CliError(({ t }) => t('more.args.takesNoValue', { flag, command: command.name }));
  }
  return new CliError(`${message} (see \`npx netwright ${command.name} --help\`)`);
}

function checkPositionals(positionals: string[], command: CliCommand): void {
  const names = command.positionals;
  const required = names.filter((n) => !n.startsWith('['));
  const given = positionals.length;
  if (given >= required.length && given <= names.length) return;
  const plain = names.map((n) => n.replace(/[[\]]/g, ''));
  const { name } = command;
  if (given < required.length && names.length === 1)
    throw new CliError(({ t }) => t('more.args.missing', { name: plain[0]!, command: name }));
  throw new CliError(({ t }) => {
    const word = t('more.args.countWords').split('|')[names.length] ?? String(names.length);
    const count = names.length > 1 ? t('more.args.files', { n: word }) : word;
    return t('more.args.expected', {
      what: required.length < names.length ? t('more.args.atMost', { n: count }) : count,
      names: plain.join(t('more.args.and')),
      given,
      command: name,
    });
  });
}

/** The command's own options and positionals from the command line; anything else is a CLI error (exit 2). */
export function parseCommandArgs<O extends OptionSpecs>(
  command: CliCommand<O>,
  args: string[],
): CommandArgs<O> & { help: boolean } {
  const options = Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.type }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinNegativeNumbers(args, command.options),
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw optionError(err, command as unknown as CliCommand);
  }
  const { help, ...values } = parsed.values;
  if (!help) checkPositionals(parsed.positionals, command as unknown as CliCommand);
  return { values: values as CommandArgs<O>['values'], positionals: parsed.positionals, help: help === true };
}

export function parseInputShape(value: string | undefined): [number, number, number] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(/[,x×]/).map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new CliError(({ t }) => t('more.args.inputShape', { value }));
  }
  return parts as [number, number, number];
}

/** A numeric flag's value; its range is the options schema's to check, so its message says what is allowed. */
export function numberFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliError(({ t }) => t('more.args.number', { flag, value }));
  return n;
}

/** Shared option specs, so every command words them the same. */
export const commonOptions = {
  json: { type: 'boolean', text: 'json' },
  'input-shape': {
    type: 'string',
    value: 'H,W,C',
    text: 'inputShape',
  },
} as const satisfies OptionSpecs;

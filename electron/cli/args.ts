import { type ParseArgsConfig, parseArgs } from 'node:util';
import { errorMessage } from '../../shared/issues';
import { CliError } from './io';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, with its errors turned into one-line CLI errors (exit 2). */
export function parseCommandArgs<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = errorMessage(err).split('\n')[0];
    throw new CliError(`${message}\n${usage}`);
  }
}

export function parseInputShape(value: string | undefined): [number, number, number] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(/[,x×]/).map((p) => Number(p.trim()));
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new CliError(`--input-shape must be three positive whole numbers H,W,C (e.g. 299,299,3), got "${value}".`);
  }
  return parts as [number, number, number];
}

export function singleFile(positionals: string[], usage: string): string {
  if (positionals.length !== 1) {
    throw new CliError(
      `${positionals.length === 0 ? 'Missing FILE' : `Expected one FILE, got ${positionals.length}`}.\n${usage}`,
    );
  }
  return positionals[0]!;
}

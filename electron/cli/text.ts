import { type Translator, translator } from '../../shared/i18n';
import type { CliIo } from './io';

/** The CLI's texts and numbers in the language of its output. */
export type CliText = Translator<'cli'>;

export const cliText = (io: Pick<CliIo, 'language'>): CliText => translator('cli', io.language ?? 'en');

import { errorText, textOfError } from '../../shared/api';

/**
 * What a refused request says: its English message (unchanged), its German text, and whether
 * it carried a text of the catalogue at all (without one, German shows the English message).
 */
export async function refusal(attempt: () => unknown): Promise<{ en: string; de: string; carried: boolean }> {
  const err = await Promise.resolve()
    .then(attempt)
    .then(
      () => {
        throw new Error('not refused');
      },
      (e: unknown) => e,
    );
  return { en: (err as Error).message, de: errorText(err, 'de'), carried: textOfError(err) !== undefined };
}

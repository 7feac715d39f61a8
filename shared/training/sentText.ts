import { z } from 'zod';
import type { DiagnosticText } from '../i18n/diagnosticText';

/**
 * A text of the `diagnostics` catalogue with its values (shared/i18n/diagnosticText.ts), as
 * sent between the services and the window and as kept in a run's record.
 */
export const SentText: z.ZodType<DiagnosticText> = z.lazy(() =>
  z.object({
    key: z.string() as unknown as z.ZodType<DiagnosticText['key']>,
    values: z.record(
      z.string(),
      z.union([z.string(), z.number(), z.object({ int: z.number() }), z.object({ decimal: z.string() }), SentText]),
    ),
    count: z.number().optional(),
  }),
);

import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

/** A JSON file of the data folder read through its schema; null when it is missing, damaged or of another shape. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<T | null> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

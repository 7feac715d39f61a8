import { z } from 'zod';
import { ViewportSchema } from '../graph/projectFile';
import { GraphSchema } from '../graph/schema';
import { LANGUAGES } from '../i18n/language';
import { readJson } from '../import/json';
import { formatIssue, issuesOf } from '../issues';

/**
 * A lesson: an ordered list of steps a teacher presents, each a network (embedded, or a
 * template by id), how to show it, and a caption whose numbers are computed live
 * (captions.ts). Lessons are files like projects: versioned, migrated step by step.
 */
export const lessonFormat = 'netwright-lesson';
export const currentLessonVersion = 3;

export const StepNetwork = z.union([
  z.strictObject({ template: z.string().min(1).max(100) }),
  z.strictObject({ name: z.string().max(200), graph: GraphSchema }),
]);
export type StepNetwork = z.output<typeof StepNetwork>;

export const LessonStep = z.strictObject({
  id: z.string().min(1).max(100),
  title: z.string().max(200),
  network: StepNetwork,
  /** Markdown-ish: paragraphs, "- " bullets, **bold**, and {placeholders} (captions.ts). */
  caption: z.string().max(20_000).default(''),
  /** Node names drawn highlighted. */
  highlight: z.array(z.string().max(200)).max(1000).default([]),
  /** Module names drawn collapsed (a whole network reads as its modules). */
  collapsed: z.array(z.string().max(200)).max(1000).default([]),
  viewport: ViewportSchema.optional(),
  /** The step (by id) whose network this one is compared with: {saved.*} numbers and the comparison view. */
  compareWith: z.string().max(100).optional(),
  /**
   * What the step shows beside its caption: the network, the comparison with `compareWith`'s,
   * the receptive field of one layer (`receptiveField`), or the ImageNet error timeline.
   */
  show: z.enum(['network', 'compare', 'receptiveField', 'timeline']).default('network'),
  /**
   * With show 'receptiveField': the layer (by name) whose field is drawn, and optionally a layer
   * of `compareWith`'s network drawn beside it (one 5×5 beside two 3×3), stepped through together.
   */
  receptiveField: z
    .strictObject({ node: z.string().min(1).max(200), otherNode: z.string().min(1).max(200).optional() })
    .optional(),
});
export type LessonStep = z.output<typeof LessonStep>;
export type LessonStepInput = z.input<typeof LessonStep>;

export const LessonFileSchema = z.strictObject({
  format: z.literal(lessonFormat),
  schemaVersion: z.literal(currentLessonVersion),
  title: z.string().max(200),
  /** The language of its texts: its captions' numbers are written in it too (1.234.567 in German). */
  language: z.enum(LANGUAGES).default('en'),
  steps: z.array(LessonStep).max(500),
});
export type Lesson = z.output<typeof LessonFileSchema>;

/** Upgrades a lesson file from version N to N + 1; keyed by N. */
export type LessonMigration = (file: Record<string, unknown>) => Record<string, unknown>;
export const lessonMigrations: Readonly<Record<number, LessonMigration>> = {
  // Version 2 added show 'receptiveField' / 'timeline' and the step's `receptiveField`: a version-1
  // file reads unchanged, and an older Netwright refuses a version-2 file by its number.
  1: (file) => file,
  // Version 3 added the lesson's `language`; a version-2 file is English.
  2: (file) => ({ ...file, language: 'en' }),
};

export type LessonLoad = { ok: true; lesson: Lesson } | { ok: false; error: string };

export function isLessonJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === lessonFormat;
}

/** The lesson in `text`, migrated to the current version; or one line saying what is wrong. */
export function parseLessonText(text: string, steps = lessonMigrations): LessonLoad {
  const json = readJson(text);
  if (!json.ok) return json;
  if (!isLessonJson(json.value)) {
    return { ok: false, error: `Not a Netwright lesson: "format" is not "${lessonFormat}".` };
  }
  let file = json.value as Record<string, unknown>;
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'The lesson has no valid "schemaVersion" (a whole number from 1).' };
  }
  if (version > currentLessonVersion) {
    return {
      ok: false,
      error: `This lesson was saved by a newer Netwright (lesson format ${version}; this version reads up to ${currentLessonVersion}). Update Netwright to open it.`,
    };
  }
  for (let v = version; v < currentLessonVersion; v++) {
    const step = steps[v];
    if (!step) return { ok: false, error: `No migration from lesson format ${v} to ${v + 1}.` };
    file = { ...step(file), schemaVersion: v + 1 };
  }
  const parsed = LessonFileSchema.safeParse(file);
  if (!parsed.success) {
    const [issue = { field: '', message: 'invalid' }] = issuesOf(parsed.error);
    return { ok: false, error: `The lesson is invalid at ${formatIssue(issue, 'the file')}.` };
  }
  const ids = new Set<string>();
  for (const step of parsed.data.steps) {
    if (ids.has(step.id)) return { ok: false, error: `Two steps have the id "${step.id}"; each step needs its own.` };
    ids.add(step.id);
  }
  return { ok: true, lesson: parsed.data };
}

export function lessonText(lesson: Lesson): string {
  return `${JSON.stringify(lesson, null, 1)}\n`;
}

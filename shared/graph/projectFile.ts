import { z } from 'zod';
import { formatInt } from '../analysis/format';
import { readJson } from '../import/json';
import { formatIssue, issuesOf } from '../issues';
import { inMessage } from '../text/inMessage';
import { LIMITS } from './limits';
import { GraphSchema } from './schema';
import type { Graph } from './types';

/**
 * Netwright project files (docs/file-format.md). Every version ever written keeps
 * loading: a file is migrated step by step to the current schema, then validated.
 */
export const currentSchemaVersion = 3;
export const projectFormat = 'netwright-project';

export const ViewportSchema = z.object({ x: z.number(), y: z.number(), zoom: z.number().positive() });

export const ProjectFileSchema = z.object({
  format: z.literal(projectFormat),
  schemaVersion: z.literal(currentSchemaVersion),
  name: z.string(),
  /** App version that wrote the file: for support, not for parsing. */
  createdWith: z.string().optional(),
  savedAt: z.string().optional(),
  graph: GraphSchema,
  viewport: ViewportSchema.optional(),
});

export type ProjectFile = z.infer<typeof ProjectFileSchema>;

/** Upgrades a file from version N to N + 1; keyed by N. */
export type Migration = (file: Record<string, unknown>) => Record<string, unknown>;
export const migrations: Readonly<Record<number, Migration>> = {
  // 2 added frozen layers (LayerNode.frozen); a version-1 file has none, so it reads unchanged.
  // The bump keeps an older Netwright from opening a file whose frozen layers it would train.
  1: (file) => file,
  // 3 added shared weights (LayerNode.sharesWeightsWith); a version-2 file has none. The bump keeps
  // an older Netwright from training the calls of a shared layer as separate layers.
  2: (file) => file,
};

export type LoadResult = { ok: true; project: ProjectFile; migratedFrom?: number } | { ok: false; error: string };

export function isProjectFileJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === projectFormat;
}

export function parseProjectText(text: string, steps: Readonly<Record<number, Migration>> = migrations): LoadResult {
  const json = readJson(text);
  if (!json.ok) return json;
  return parseProjectValue(json.value, steps);
}

export function parseProjectValue(value: unknown, steps: Readonly<Record<number, Migration>> = migrations): LoadResult {
  if (!isProjectFileJson(value)) {
    return { ok: false, error: `Not a Netwright project file: "format" is not "${projectFormat}".` };
  }
  let file = value as Record<string, unknown>;
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, error: 'The project file has no valid "schemaVersion" (a whole number).' };
  }
  if (version > currentSchemaVersion) {
    return {
      ok: false,
      error: `This project was saved by a newer Netwright (file format ${version}; this version reads up to ${currentSchemaVersion}). Update Netwright to open it.`,
    };
  }
  for (let v = version; v < currentSchemaVersion; v++) {
    const step = steps[v];
    if (!step) return { ok: false, error: `No migration from project format ${v} to ${v + 1}.` };
    file = { ...step(file), schemaVersion: v + 1 };
  }
  const tooLarge = sizeProblem(file.graph);
  if (tooLarge) return { ok: false, error: tooLarge };
  const parsed = ProjectFileSchema.safeParse(file);
  if (!parsed.success) {
    const [issue = { field: '', message: 'invalid' }] = issuesOf(parsed.error);
    return { ok: false, error: `The project file is invalid at ${formatIssue(issue, 'the file')}.` };
  }
  const integrity = checkIntegrity(parsed.data.graph);
  if (integrity) return { ok: false, error: `The project file is inconsistent: ${integrity}` };
  return version === currentSchemaVersion
    ? { ok: true, project: parsed.data }
    : { ok: true, project: parsed.data, migratedFrom: version };
}

/** A graph past LIMITS, said before validating it (validation is linear, but memory is not free). */
function sizeProblem(graph: unknown): string | null {
  if (typeof graph !== 'object' || graph === null) return null;
  const lists = graph as Record<string, unknown>;
  const checks: [unknown, number, string][] = [
    [lists.nodes, LIMITS.nodes, 'layers'],
    [lists.edges, LIMITS.edges, 'connections'],
    [lists.groups, LIMITS.modules, 'modules'],
  ];
  for (const [list, limit, what] of checks) {
    if (Array.isArray(list) && list.length > limit)
      return `The project has ${formatInt(list.length)} ${what}; Netwright opens at most ${formatInt(limit)}.`;
  }
  return null;
}

/** What the editor cannot show: duplicate ids, and edges or members pointing nowhere. */
function checkIntegrity(graph: Graph): string | null {
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (ids.has(node.id)) return `two nodes share the id "${inMessage(node.id)}".`;
    ids.add(node.id);
  }
  const groups = new Set(graph.groups.map((g) => g.id));
  for (const edge of graph.edges) {
    if (!ids.has(edge.source))
      return `edge "${inMessage(edge.id)}" starts at a missing node "${inMessage(edge.source)}".`;
    if (!ids.has(edge.target))
      return `edge "${inMessage(edge.id)}" ends at a missing node "${inMessage(edge.target)}".`;
  }
  for (const node of graph.nodes) {
    if (node.sharesWeightsWith !== undefined && !ids.has(node.sharesWeightsWith))
      return `node "${inMessage(node.name)}" shares the weights of a missing node "${inMessage(node.sharesWeightsWith)}".`;
    if (node.groupId && !groups.has(node.groupId))
      return `node "${inMessage(node.name)}" belongs to a missing module "${inMessage(node.groupId)}".`;
  }
  return null;
}

export function createProjectFile(
  name: string,
  graph: Graph,
  extra: { createdWith?: string; savedAt?: string; viewport?: ProjectFile['viewport'] } = {},
): ProjectFile {
  return { format: projectFormat, schemaVersion: currentSchemaVersion, name, ...extra, graph };
}

export function serializeProject(project: ProjectFile): string {
  return `${JSON.stringify(project, null, 2)}\n`;
}

import { describe, expect, it } from 'vitest';
import {
  createProjectFile,
  currentSchemaVersion,
  type Migration,
  migrations,
  parseProjectText,
  serializeProject,
} from '../../../shared/graph/projectFile';
import { getTemplate } from '../../../shared/templates';

const graph = () => getTemplate('inception-a')!.build();

describe('project files', () => {
  it('round-trips a graph with positions, groups and input order', () => {
    const g = graph();
    g.nodes[0]!.position = { x: 12.5, y: -40 };
    const text = serializeProject(
      createProjectFile('module a', g, { createdWith: '0.1.0', viewport: { x: 1, y: 2, zoom: 0.5 } }),
    );
    const loaded = parseProjectText(text);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) {
      expect(loaded.project.graph).toEqual(g);
      expect(loaded.project.name).toBe('module a');
      expect(loaded.project.viewport).toEqual({ x: 1, y: 2, zoom: 0.5 });
      expect(loaded.migratedFrom).toBeUndefined();
    }
  });

  it('migrates older versions step by step', () => {
    const v0 = { format: 'netwright-project', schemaVersion: 0, title: 'old', graph: { nodes: [], edges: [] } };
    const steps: Record<number, Migration> = {
      ...migrations,
      0: ({ title, ...rest }) => ({ ...rest, name: title }),
    };
    if (currentSchemaVersion !== 3) throw new Error('extend this test with the real migrations');
    const loaded = parseProjectText(JSON.stringify(v0), steps);
    expect(loaded).toMatchObject({ ok: true, migratedFrom: 0, project: { name: 'old', schemaVersion: 3 } });
  });

  it('reads a version-1 file (before frozen layers) unchanged, and keeps frozen layers', () => {
    const v1 = { ...createProjectFile('x', graph()), schemaVersion: 1 };
    const loaded = parseProjectText(JSON.stringify(v1));
    expect(loaded).toMatchObject({ ok: true, migratedFrom: 1, project: { schemaVersion: 3, graph: v1.graph } });
    const frozen = graph();
    frozen.nodes[1] = { ...frozen.nodes[1]!, frozen: true };
    const again = parseProjectText(serializeProject(createProjectFile('x', frozen)));
    expect(again.ok && again.project.graph.nodes[1]!.frozen).toBe(true);
    const wrong = createProjectFile('x', graph()) as unknown as { graph: { nodes: { frozen?: unknown }[] } };
    wrong.graph.nodes[0]!.frozen = 'yes';
    expect(parseProjectText(JSON.stringify(wrong))).toEqual({ ok: false, error: expect.stringMatching(/frozen/) });
  });

  it('refuses a file from a newer Netwright, saying so', () => {
    const text = JSON.stringify({ ...createProjectFile('x', graph()), schemaVersion: currentSchemaVersion + 1 });
    expect(parseProjectText(text)).toEqual({ ok: false, error: expect.stringMatching(/newer Netwright.*Update/) });
  });

  it('names the place of a structural problem', () => {
    const bad = createProjectFile('x', graph()) as unknown as { graph: { edges: { targetIndex: unknown }[] } };
    bad.graph.edges[1]!.targetIndex = 'first';
    expect(parseProjectText(JSON.stringify(bad))).toEqual({
      ok: false,
      error: expect.stringMatching(/graph\.edges\.1\.targetIndex/),
    });
  });

  it('refuses duplicate ids and edges or members pointing nowhere', () => {
    const dup = createProjectFile('x', graph());
    dup.graph.nodes.push({ ...dup.graph.nodes[0]! });
    expect(parseProjectText(JSON.stringify(dup))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/share the id/),
    });
    const dangling = createProjectFile('x', graph());
    dangling.graph.edges.push({ id: 'e', source: 'ghost', target: dangling.graph.nodes[1]!.id, targetIndex: 9 });
    expect(parseProjectText(JSON.stringify(dangling))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/missing node "ghost"/),
    });
    const orphan = createProjectFile('x', graph());
    orphan.graph.nodes[1]!.groupId = 'group:nope';
    expect(parseProjectText(JSON.stringify(orphan))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/missing module/),
    });
  });

  it('refuses truncated text and non-projects with one line', () => {
    const text = serializeProject(createProjectFile('x', graph()));
    for (const bad of [text.slice(0, 100), '', '{"format":"something-else"}', '[]']) {
      const loaded = parseProjectText(bad);
      expect(loaded.ok).toBe(false);
      if (!loaded.ok) expect(loaded.error.split('\n')).toHaveLength(1);
    }
  });
});

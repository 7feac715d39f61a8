import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Graph } from '../../../shared/graph/types';
import { diagnosticText } from '../../../shared/transforms';
import type { GraphEdit } from '../../../shared/transforms/graphEdit';
import { type RewritePlan, type RewriteRule, runRewrite } from '../../../shared/transforms/rewrite';
import { smallNet } from '../cli/cliHelpers';

/** A rule (posing as stack) whose plan is whatever `edit` makes of the graph: what a buggy rule would build. */
function buggyRule(edit: (graph: Graph) => void): RewriteRule<unknown> {
  return {
    id: 'stack',
    candidateKinds: ['Conv2D'],
    keepsReceptiveField: false,
    options: z.object({}),
    plan: ({ graph, node }) => {
      const changed = structuredClone(graph);
      edit(changed);
      // An edit that changes nothing it declares, yet builds the changed graph: a rule's bug.
      const declared = {
        base: graph,
        added: [],
        removedNodes: new Set(),
        removedEdges: new Set(),
        addedEdges: [],
        moves: [],
      };
      const plan: RewritePlan = {
        edit: { changes: declared, build: () => changed } as unknown as GraphEdit,
        outputBefore: node.id,
        outputAfter: node.id,
        interior: [node.id],
        depthAdded: 0,
        original: 'conv5',
        replacement: 'conv5',
        rfReason: '',
      };
      return { ok: true, plan };
    },
  };
}

const paramsOf = (graph: Graph, id: string) => graph.nodes.find((n) => n.id === id)!.params;

describe("a rewrite that fails its own proof (a rule's bug) says so in the window's language", () => {
  it('when the rewritten network would have an error', () => {
    const rule = buggyRule((g) => {
      paramsOf(g, 'head').units = 0;
    });
    const result = runRewrite(rule, smallNet(), 'conv5');
    if (result.ok) throw new Error('a broken rewrite was made');
    expect(result.diagnostic.code).toBe('proof-failed');
    expect(result.diagnostic.message).toMatch(
      /^stack on 'conv5' was not made: the rewritten network would have an error \(head: .+\) — please report this$/,
    );
    expect(diagnosticText(result.diagnostic, 'de')).toMatch(
      /^stack wurde bei „conv5“ nicht angewandt: das umgeformte Netz hätte einen Fehler \(head: .+\) – bitte melden Sie das$/,
    );
  });

  it('when costs outside the rewritten part would change', () => {
    const rule = buggyRule((g) => {
      paramsOf(g, 'conv3').useBias = false;
    });
    const result = runRewrite(rule, smallNet(), 'conv5');
    if (result.ok) throw new Error('a rewrite changing other layers was made');
    expect(result.diagnostic.message).toBe(
      "stack on 'conv5' was not made: costs outside the rewritten part would change — please report this",
    );
    expect(diagnosticText(result.diagnostic, 'de')).toBe(
      'stack wurde bei „conv5“ nicht angewandt: Kosten außerhalb des umgeformten Teils würden sich ändern – bitte melden Sie das',
    );
  });
});

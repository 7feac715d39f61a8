import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Graph } from '../../../shared/graph/types';
import { diagnosticText } from '../../../shared/transforms';
import type { GraphEdit } from '../../../shared/transforms/graphEdit';
import { type RewritePlan, type RewriteRule, runRewrite } from '../../../shared/transforms/rewrite';
import { smallNet } from '../cli/cliHelpers';

/** A rule (posing as stack) whose plan is whatever `edit` makes of the graph: what a buggy rule would build. */
function buggyRule(
  edit: (graph: Graph) => void,
  promise: { keepsReceptiveField?: boolean; output?: string; interior?: string[] } = {},
): RewriteRule<unknown> {
  return {
    id: 'stack',
    candidateKinds: ['Conv2D'],
    keepsReceptiveField: promise.keepsReceptiveField ?? false,
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
        outputBefore: promise.output ?? node.id,
        outputAfter: promise.output ?? node.id,
        interior: promise.interior ?? [node.id],
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

  /** relu5 becomes a 3×3 max pool of stride 1 and 'same' padding: its shape stays, it sees more. */
  const poolInstead = (g: Graph) => {
    const relu = g.nodes.find((n) => n.id === 'relu5')!;
    relu.kind = 'MaxPool2D';
    relu.params = { poolSize: [3, 3], strides: [1, 1], padding: 'same' };
  };
  const refusal = (rule: RewriteRule<unknown>) => {
    const result = runRewrite(rule, smallNet(), 'conv5');
    if (result.ok) throw new Error('a broken rewrite was made');
    return { en: result.diagnostic.message, de: diagnosticText(result.diagnostic, 'de') };
  };

  it("when the rewritten part's output shape would change", () => {
    expect(
      refusal(
        buggyRule((g) => {
          paramsOf(g, 'conv5').filters = 8;
        }),
      ),
    ).toEqual({
      en: "stack on 'conv5' was not made: it would change the output shape from 32×32×16 to 32×32×8",
      de: 'stack wurde bei „conv5“ nicht angewandt: die Umformung würde die Ausgabeform von 32×32×16 auf 32×32×8 ändern',
    });
  });

  it("when a layer outside it would change shape or receptive field, or the part's own field", () => {
    expect(
      refusal(
        buggyRule((g) => {
          paramsOf(g, 'conv3').filters = 8;
        }),
      ),
    ).toEqual({
      en: "stack on 'conv5' was not made: 'conv3' would change shape from 32×32×16 to 32×32×8",
      de: 'stack wurde bei „conv5“ nicht angewandt: „conv3“ würde seine Form von 32×32×16 auf 32×32×8 ändern',
    });
    expect(refusal(buggyRule(poolInstead, { keepsReceptiveField: true }))).toEqual({
      en: "stack on 'conv5' was not made: 'relu5' would see 7×7 instead of 5×5",
      de: 'stack wurde bei „conv5“ nicht angewandt: „relu5“ würde 7×7 statt 5×5 sehen',
    });
    const whole = { keepsReceptiveField: true, output: 'relu5', interior: ['conv5', 'bn5', 'relu5', 'conv3'] };
    expect(refusal(buggyRule(poolInstead, whole))).toEqual({
      en: "stack on 'conv5' was not made: the receptive field would change from 5×5 to 7×7",
      de: 'stack wurde bei „conv5“ nicht angewandt: das rezeptive Feld würde sich von 5×5 auf 7×7 ändern',
    });
  });
});

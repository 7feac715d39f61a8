import type { Position } from '../graph/types';
import type { ActivationName, Conv2DParams } from '../layers';
import { type ConvUnit, convParams, convUnit } from './convUnit';
import type { GraphEdit } from './graphEdit';
import { phrase, type Text } from './phrase';
import type { RuleContext } from './rewrite';

export type TargetResult = { ok: true; unit: ConvUnit } | { ok: false; reason: Text };

/** The rewrites act on plain Conv2D layers; this checks that and reads the conv's unit. */
export function targetConv(ctx: RuleContext): TargetResult {
  const { node } = ctx;
  if (node.kind !== 'Conv2D') return { ok: false, reason: phrase('refusal.notConv', { kind: node.kind }) };
  const unit = convUnit(ctx.index, ctx.analysis, node);
  if (unit.params.groups !== 1)
    return {
      ok: false,
      reason: phrase('refusal.grouped', { groups: unit.params.groups }),
    };
  return { ok: true, unit };
}

export interface ConvSpec {
  name: string;
  /** Settings that differ from the unit's conv. */
  changes: Partial<Conv2DParams>;
  /** Another layer in the conv's place (Compress1x1), given the activation to fuse. */
  layer?: (fused: ActivationName) => { kind: string; params: Record<string, unknown> };
  /** The nonlinearity after this conv ('linear': none). */
  activation: ActivationName;
  groupId?: string | undefined;
  position?: Position | undefined;
  /** Where each added node goes, in order (conv, batch norm, activation); wins over `position`. */
  place?: () => Position | undefined;
  before?: string | undefined;
}

/**
 * Adds a conv in the style of `unit`: where the unit normalises (conv2d_bn), the new
 * conv is linear and gets its own copy of the BatchNorm, then an Activation node;
 * where the unit has an Activation node, so does the new conv; otherwise the
 * activation is fused into the conv. Returns the conv's id and the unit's last node.
 */
export function addConvLike(edit: GraphEdit, unit: ConvUnit, input: string, spec: ConvSpec) {
  const bn = unit.post.find((n) => n.kind === 'BatchNorm');
  const separateActivation = bn !== undefined || unit.post.some((n) => n.kind === 'Activation');
  const place = () => ({
    groupId: spec.groupId,
    position: spec.place ? spec.place() : spec.position,
    before: spec.before,
  });
  const fused = separateActivation ? 'linear' : spec.activation;
  const layer = spec.layer?.(fused) ?? {
    kind: 'Conv2D',
    params: convParams(unit.params, { ...spec.changes, activation: fused }),
  };
  const convId = edit.add({ ...layer, name: spec.name, ...place() });
  edit.connect(input, convId);
  const ids = [convId];
  if (bn) {
    ids.push(
      chain(edit, ids.at(-1)!, { kind: 'BatchNorm', name: `${spec.name}_bn`, params: { ...bn.params }, ...place() }),
    );
  }
  if (separateActivation && spec.activation !== 'linear') {
    const params = { activation: spec.activation };
    const name = `${spec.name}_${spec.activation}`;
    ids.push(chain(edit, ids.at(-1)!, { kind: 'Activation', name, params, ...place() }));
  }
  return { convId, outputId: ids.at(-1)!, ids };
}

function chain(edit: GraphEdit, input: string, node: Parameters<GraphEdit['add']>[0]): string {
  const id = edit.add(node);
  edit.connect(input, id);
  return id;
}

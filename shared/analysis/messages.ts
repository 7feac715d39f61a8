import { LIMITS } from '../graph/limits';
import type { Edge, LayerNode, Shape } from '../graph/types';
import { errorMessage, formatIssues, type Issue } from '../issues';
import { inMessage } from '../text/inMessage';
import { formatInt, formatShape } from './format';

/**
 * Every diagnostic text in one place, so the wording stays consistent: each
 * names the layer as "Kind 'name'", states the values involved, and says what
 * to do about it, in words a student understands.
 */

type Named = Pick<LayerNode, 'kind' | 'name'>;

export function layerLabel(node: Named): string {
  return `${inMessage(node.kind)} '${inMessage(node.name)}'`;
}

export function duplicateIdMessage(node: Named, first: Named): string {
  return `${layerLabel(node)} has the same id as ${layerLabel(first)}, so it is ignored — the project file may be damaged; delete the layer and add it again`;
}

export function missingNodeMessage(edge: Edge, source: Named | undefined, target: Named | undefined): string {
  if (target)
    return `A connection into ${layerLabel(target)} comes from a layer that does not exist ('${inMessage(edge.source)}') — delete the connection`;
  if (source)
    return `A connection from ${layerLabel(source)} goes to a layer that does not exist ('${inMessage(edge.target)}') — delete the connection`;
  return `A connection refers to layers that do not exist ('${inMessage(edge.source)}' → '${inMessage(edge.target)}') — delete the connection`;
}

/** Longest loop spelled out in full; longer ones show their start and end. */
const SHOWN_LOOP = 10;

/**
 * `loop`: names along the shortest loop through the node, node first (exact), or
 * a few names from a large tangle of loops; `size` counts all of its layers.
 */
export function cycleMessage(node: Named, loop: readonly string[], exact: boolean, size: number): string {
  const fix = 'data must flow one way, from inputs to outputs, so remove one of these connections';
  if (exact && size === 1) return `${layerLabel(node)} is connected to itself — remove that connection`;
  const quoted = loop.map((n) => `'${inMessage(n)}'`);
  if (!exact) {
    return `${layerLabel(node)} is part of a tangle of loops through ${size} layers, including ${quoted.join(', ')} — ${fix}`;
  }
  const shown =
    quoted.length <= SHOWN_LOOP
      ? [...quoted, quoted[0]]
      : [...quoted.slice(0, SHOWN_LOOP - 2), '…', quoted.at(-1)!, quoted[0]];
  const count = quoted.length > SHOWN_LOOP ? ` (${size} layers)` : '';
  return `${layerLabel(node)} is part of a loop: ${shown.join(' → ')}${count} — ${fix}`;
}

export function unconnectedInputMessage(node: Named, min: number, have: number): string {
  if (have === 0 && min === 1) return `${layerLabel(node)} has no input — connect a layer into it`;
  return `${layerLabel(node)} needs at least ${min} inputs but has ${have} — connect ${min - have} more`;
}

export function tooManyInputsMessage(node: Named, max: number, have: number): string {
  if (max === 0)
    return `${layerLabel(node)} takes no inputs but has ${have} — an ${node.kind} starts the network, so remove the incoming connection`;
  if (max === 1) return `${layerLabel(node)} takes one input but has ${have} — add a Concatenate or Add to merge them`;
  return `${layerLabel(node)} takes at most ${max} inputs but has ${have} — remove ${have - max} of the connections`;
}

export function unknownKindMessage(node: Named & { params?: Record<string, unknown> }): string {
  // The importer keeps layers it cannot represent as 'Unsupported' nodes carrying its reason.
  // Both come from a file, so they are escaped like names.
  const reason = typeof node.params?.reason === 'string' ? inMessage(node.params.reason, 400) : '';
  if (reason && typeof node.params?.kerasClass === 'string' && node.params.kerasClass)
    return `${importedLabel(node)} ${reason}`;
  if (reason) return `${layerLabel(node)}: ${reason}`;
  return `${layerLabel(node)} has a layer type Netwright does not know ("${inMessage(node.kind)}") — replace it with a layer from the palette`;
}

/** An imported layer named by its Keras class where it has one ("Lambda 'scale'"). */
function importedLabel(node: Named & { params?: Record<string, unknown> }): string {
  const kerasClass = node.params?.kerasClass;
  return layerLabel({ kind: typeof kerasClass === 'string' && kerasClass ? kerasClass : node.kind, name: node.name });
}

export function placeholderMessage(node: Named & { params: Record<string, unknown> }): string {
  const label = importedLabel(node);
  const shape = node.params.outputShape;
  const how =
    shape === 'input'
      ? "its output is assumed to have its input's shape (right for element-wise layers; set it in the inspector if not)"
      : `its output shape is given as ${Array.isArray(shape) ? shape.join('×') : String(shape)}`;
  return `${label} is not supported: ${how}, and it counts as 0 parameters and 0 multiply-adds, so the totals are a lower bound — replace it with palette layers for exact numbers`;
}

export function invalidParamsMessage(node: Named, issues: readonly Issue[]): string {
  return `${layerLabel(node)} has invalid settings: ${formatIssues(issues)}`;
}

/**
 * Layer kinds throw messages that may not name the layer ("Add needs inputs of
 * the same shape…", "A 5×5 kernel does not fit…"); make sure they do.
 */
export function shapeErrorMessage(node: Named, message: string): string {
  if (message.includes(`'${inMessage(node.name)}'`)) return message;
  if (message.startsWith(`${node.kind} `)) return `${layerLabel(node)}${message.slice(node.kind.length)}`;
  return `${layerLabel(node)}: ${message}`;
}

export function emptyOutputMessage(node: Named, inputs: readonly Shape[], output: Shape): string {
  const from = inputs.length ? ` from ${inputs.map(formatShape).join(' and ')}` : '';
  return `${layerLabel(node)} would output ${formatShape(output)}${from}: a dimension reached zero or below — use a smaller kernel or stride, 'same' padding, or a larger input`;
}

export function outputTooLargeMessage(node: Named, output: Shape): string {
  const fix =
    node.kind === 'Input' ? 'use a smaller input shape' : 'use a smaller input, fewer channels or a larger stride';
  return `${layerLabel(node)} would output ${formatShape(output)}, more than ${formatInt(LIMITS.tensorElements)} values per sample (Netwright's limit, 8 GiB as float32) — ${fix}`;
}

export function countTooLargeMessage(node: Named, params: number, macs: number): string {
  const what =
    params > LIMITS.layerCount ? `${params.toPrecision(3)} parameters` : `${macs.toPrecision(3)} multiply-adds`;
  return `${layerLabel(node)} would have ${what}, more than the ${formatInt(LIMITS.layerCount)} Netwright counts exactly — use a smaller kernel or fewer channels`;
}

export function internalErrorMessage(node: Named, what: string, error: unknown): string {
  const detail = errorMessage(error);
  return `Netwright could not compute the ${what} of ${layerLabel(node)} (${detail}) — this is a bug in Netwright; please report it`;
}

export function duplicateNameMessage(node: Named): string {
  return `${layerLabel(node)} has the same name as another layer — names become the layer names of the compiled model and must be unique, so rename one of them`;
}

export function unknownGroupMessage(node: Named, groupId: string): string {
  return `${layerLabel(node)} belongs to a module that does not exist ('${inMessage(groupId)}'), so no module counts it — move it into a module or out of all of them`;
}

export function unusedOutputMessage(node: Named, mainOutputs: readonly Named[]): string {
  const main = mainOutputs.map((n) => `'${inMessage(n.name)}'`).join(', ');
  return `The output of ${layerLabel(node)} is not used by any layer, so it would become an extra model output besides ${main} — connect it onward or delete it`;
}

export function downstreamUnknownMessage(root: Named, count: number): string {
  const layers = count === 1 ? '1 layer after it has' : `${count} layers after it have`;
  return `Because of the problem with ${layerLabel(root)}, ${layers} no shape or cost yet — they will be analysed once it is fixed`;
}

import { LIMITS } from '../graph/limits';
import type { Edge, LayerNode, Shape } from '../graph/types';
import {
  andList,
  type DiagnosticText,
  english,
  renderText,
  type TextValue,
  said as text,
} from '../i18n/diagnosticText';
import type { Language } from '../i18n/language';
import { storedText } from '../i18n/storedText';
import { errorMessage, type Issue, issueText } from '../issues';
import type { LayerError } from '../layers';
import { inMessage } from '../text/inMessage';
import { formatShape } from './format';

/**
 * Every diagnostic in one place, so the wording stays consistent: each names the layer
 * as "Kind 'name'", states the values involved, and says what to do about it, in words a
 * student understands. Each returns a text without its language (shared/i18n/diagnosticsEn.ts
 * holds the English wording, diagnosticsDe.ts the German).
 */

type Named = Pick<LayerNode, 'kind' | 'name'>;

/** A diagnostic's two forms of one text: its English message and the text itself. */
export const said = (text: DiagnosticText): { message: string; text: DiagnosticText } => ({
  message: english(text),
  text,
});

export function layerLabel(node: Named): string {
  return `${inMessage(node.kind)} '${inMessage(node.name)}'`;
}

export function duplicateIdMessage(node: Named, first: Named): DiagnosticText {
  return text('analysis.duplicateId', { layer: layerLabel(node), first: layerLabel(first) });
}

export function missingNodeMessage(edge: Edge, source: Named | undefined, target: Named | undefined): DiagnosticText {
  if (target) return text('analysis.missingSource', { layer: layerLabel(target), id: inMessage(edge.source) });
  if (source) return text('analysis.missingTarget', { layer: layerLabel(source), id: inMessage(edge.target) });
  return text('analysis.missingBoth', { source: inMessage(edge.source), target: inMessage(edge.target) });
}

/** Longest loop spelled out in full; longer ones show their start and end. */
const SHOWN_LOOP = 10;

/**
 * `loop`: names along the shortest loop through the node, node first (exact), or
 * a few names from a large tangle of loops; `size` counts all of its layers.
 */
export function cycleMessage(node: Named, loop: readonly string[], exact: boolean, size: number): DiagnosticText {
  const layer = layerLabel(node);
  if (exact && size === 1) return text('analysis.selfLoop', { layer });
  const quoted = loop.map((n) => `'${inMessage(n)}'`);
  if (!exact) return text('analysis.tangle', { layer, size, names: quoted.join(', ') });
  if (quoted.length <= SHOWN_LOOP) return text('analysis.loop', { layer, loop: [...quoted, quoted[0]].join(' → ') });
  const shown = [...quoted.slice(0, SHOWN_LOOP - 2), '…', quoted.at(-1)!, quoted[0]];
  return text('analysis.longLoop', { layer, loop: shown.join(' → '), size });
}

export function unconnectedInputMessage(node: Named, min: number, have: number): DiagnosticText {
  const layer = layerLabel(node);
  if (have === 0 && min === 1) return text('analysis.noInput', { layer });
  return text('analysis.fewInputs', { layer, min, have, missing: min - have });
}

export function tooManyInputsMessage(node: Named, max: number, have: number): DiagnosticText {
  const layer = layerLabel(node);
  if (max === 0) return text('analysis.sourceWithInputs', { layer, have, kind: node.kind });
  if (max === 1) return text('analysis.oneInput', { layer, have });
  return text('analysis.manyInputs', { layer, max, have, extra: have - max });
}

export function unknownKindMessage(node: Named & { params?: Record<string, unknown> }): DiagnosticText {
  // The importer keeps layers it cannot represent as 'Unsupported' nodes carrying its reason.
  // Both come from a file, so they are escaped like names.
  const reason = typeof node.params?.reason === 'string' ? inMessage(node.params.reason, 400) : '';
  const translated = reason ? translatedReason(node.params?.reasonText, reason) : undefined;
  if (reason && typeof node.params?.kerasClass === 'string' && node.params.kerasClass)
    return translated
      ? text('importReasons:frame.layer', { layer: importedLabel(node), reason: translated })
      : text('analysis.importedReason', { layer: importedLabel(node), reason });
  if (reason) return text('analysis.unknownReason', { layer: layerLabel(node), reason: translated ?? reason });
  return text('analysis.unknownKind', { layer: layerLabel(node), kind: inMessage(node.kind) });
}

/**
 * The reason in any language, as the importer stored it beside the English one. Files saved
 * before it was stored, or whose text does not say what their English reason says (edited by
 * hand), keep the English reason: the message stays what the file says.
 */
function translatedReason(stored: unknown, expected: string): DiagnosticText | undefined {
  const read = storedText(stored, 'importReasons');
  return read && english(read) === expected ? read : undefined;
}

/**
 * Why the importer kept this placeholder, for the inspector: in `language` where the file
 * keeps its text, else the file's own (English) reason; undefined without a reason.
 */
export function placeholderReason(params: Record<string, unknown>, language: Language): string | undefined {
  if (typeof params.reason !== 'string' || !params.reason) return undefined;
  const translated = translatedReason(params.reasonText, inMessage(params.reason, 400));
  return translated ? renderText(translated, language) : params.reason;
}

/** An imported layer named by its Keras class where it has one ("Lambda 'scale'"). */
function importedLabel(node: Named & { params?: Record<string, unknown> }): string {
  const kerasClass = node.params?.kerasClass;
  return layerLabel({ kind: typeof kerasClass === 'string' && kerasClass ? kerasClass : node.kind, name: node.name });
}

export function placeholderMessage(node: Named & { params: Record<string, unknown> }): DiagnosticText {
  const layer = importedLabel(node);
  const shape = node.params.outputShape;
  if (shape === 'input') return text('analysis.placeholderSameShape', { layer });
  return text('analysis.placeholderShape', { layer, shape: Array.isArray(shape) ? shape.join('×') : String(shape) });
}

export function invalidParamsMessage(node: Named, issues: readonly Issue[]): DiagnosticText {
  return text('analysis.invalidParams', { layer: layerLabel(node), issues: issuesText(issues) });
}

/** Validated settings are cached per value, so many layers share one issue list: one text for each. */
const issueTexts = new WeakMap<readonly Issue[], TextValue>();

function issuesText(issues: readonly Issue[]): TextValue {
  let joined = issueTexts.get(issues);
  if (joined === undefined) {
    const texts = issues.map(issueText);
    joined = texts.slice(1).reduce<TextValue>((a, b) => text('issue.list', { first: a, second: b }), texts[0] ?? '');
    issueTexts.set(issues, joined);
  }
  return joined;
}

/**
 * Layer kinds throw texts that may not name the layer ("Add needs inputs of the same
 * shape…", "A 5×5 kernel does not fit…"); make sure they do: a text whose subject is the
 * kind gets the layer's label as its subject, any other is prefixed with the label.
 */
export function shapeErrorMessage(node: Named, error: LayerError): DiagnosticText {
  if (error.message.includes(`'${inMessage(node.name)}'`)) return error.text;
  if (error.text.values.subject === node.kind)
    return { ...error.text, values: { ...error.text.values, subject: layerLabel(node) } };
  return text('analysis.shapeError', { layer: layerLabel(node), problem: error.text });
}

export function emptyOutputMessage(node: Named, inputs: readonly Shape[], output: Shape): DiagnosticText {
  const layer = layerLabel(node);
  if (!inputs.length) return text('analysis.emptyOutput', { layer, output: formatShape(output) });
  return text('analysis.emptyOutputFrom', {
    layer,
    output: formatShape(output),
    inputs: andList(inputs.map(formatShape)),
  });
}

export function outputTooLargeMessage(node: Named, output: Shape): DiagnosticText {
  return text(node.kind === 'Input' ? 'analysis.inputTooLarge' : 'analysis.outputTooLarge', {
    layer: layerLabel(node),
    output: formatShape(output),
    limit: { int: LIMITS.tensorElements },
  });
}

export function countTooLargeMessage(node: Named, params: number, macs: number): DiagnosticText {
  const tooMany = params > LIMITS.layerCount;
  return text(tooMany ? 'analysis.tooManyParams' : 'analysis.tooManyMacs', {
    layer: layerLabel(node),
    value: { decimal: (tooMany ? params : macs).toPrecision(3) },
    limit: { int: LIMITS.layerCount },
  });
}

/** What Netwright failed to compute, as the keys of `analysis.internal` name it. */
export type Computation = 'analysis' | 'outputShape' | 'costs' | 'receptiveField';

export function internalErrorMessage(node: Named, what: Computation, error: unknown): DiagnosticText {
  return text(`analysis.internal.${what}`, { layer: layerLabel(node), detail: errorMessage(error) });
}

export function networkErrorMessage(error: unknown): DiagnosticText {
  return text('analysis.internal.network', { detail: errorMessage(error) });
}

export function duplicateNameMessage(node: Named): DiagnosticText {
  return text('analysis.duplicateName', { layer: layerLabel(node) });
}

export function unknownGroupMessage(node: Named, groupId: string): DiagnosticText {
  return text('analysis.unknownGroup', { layer: layerLabel(node), group: inMessage(groupId) });
}

export function unusedOutputMessage(node: Named, mainOutputs: readonly Named[]): DiagnosticText {
  const main = mainOutputs.map((n) => `'${inMessage(n.name)}'`).join(', ');
  return text('analysis.unusedOutput', { layer: layerLabel(node), main });
}

export function downstreamUnknownMessage(root: Named, count: number): DiagnosticText {
  return text('analysis.downstream', { layer: layerLabel(root), n: count }, count);
}

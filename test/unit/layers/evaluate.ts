import { expect } from 'vitest';
import { formatIssue, formatIssues } from '../../../shared/issues';
import { getLayerSpec, LayerError, type ParamCount, validateParams } from '../../../shared/layers';

export interface Evaluated {
  shape: readonly number[];
  params: ParamCount;
  macs: number;
}

/** Validates raw params (failing the test if they are invalid) and runs every number the spec computes. */
export function evaluate(
  kind: string,
  raw: Record<string, unknown>,
  inputs: readonly (readonly number[])[],
): Evaluated {
  const spec = getLayerSpec(kind);
  if (!spec) throw new Error(`no spec for ${kind}`);
  const validated = validateParams(kind, raw);
  if (!validated.ok) throw new Error(`${kind} params invalid: ${formatIssues(validated.issues)}`);
  const shape = spec.outputShape(inputs, validated.params);
  return { shape, params: spec.paramCount(inputs, validated.params), macs: spec.macs(inputs, shape, validated.params) };
}

/** The validated params with defaults filled; fails the test when invalid. */
export function params(kind: string, raw: Record<string, unknown>): Record<string, unknown> {
  const validated = validateParams(kind, raw);
  if (!validated.ok) throw new Error(`${kind} params invalid: ${formatIssues(validated.issues)}`);
  return validated.params;
}

/** The validation messages for raw params that must be rejected. */
export function rejection(kind: string, raw: Record<string, unknown>): string {
  const validated = validateParams(kind, raw);
  if (validated.ok) throw new Error(`${kind} accepted ${JSON.stringify(raw)}`);
  return validated.issues.map((issue) => formatIssue(issue)).join('\n');
}

/** The LayerError the evaluation throws; fails the test if it throws nothing or something else. */
export function shapeError(kind: string, raw: Record<string, unknown>, inputs: readonly (readonly number[])[]): string {
  try {
    evaluate(kind, raw, inputs);
  } catch (error) {
    expect(error).toBeInstanceOf(LayerError);
    return (error as LayerError).message;
  }
  throw new Error(`${kind} accepted inputs ${JSON.stringify(inputs)}`);
}

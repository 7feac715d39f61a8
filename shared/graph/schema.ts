import { z } from 'zod';
import type { Edge, Graph, Group, LayerNode, Position } from './types';

/** The graph as stored in project files; the in-memory types in types.ts must match it (checked below). */
const id = z.string().min(1, 'must not be empty');

export const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

export const LayerNodeSchema = z.object({
  id,
  name: z.string().min(1, 'a node name must not be empty'),
  kind: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
  position: PositionSchema.optional(),
  groupId: z.string().optional(),
  frozen: z.boolean().optional(),
  sharesWeightsWith: z.string().optional(),
});

export const EdgeSchema = z.object({
  id,
  source: id,
  target: id,
  targetIndex: z.number().int().nonnegative(),
});

export const GroupSchema = z.object({
  id,
  name: z.string(),
  template: z.string(),
  collapsed: z.boolean(),
  parentId: z.string().optional(),
});

export const GraphSchema = z.object({
  nodes: z.array(LayerNodeSchema),
  edges: z.array(EdgeSchema),
  groups: z.array(GroupSchema).default([]),
});

/** True only when A and B are identical (mutual assignability would miss an optional field). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * The schema and the hand-written types cannot drift: a field added, removed or retyped on one
 * side only turns one of these `true`s into a type error naming the record.
 */
export const schemaMatchesTypes: {
  position: Same<z.output<typeof PositionSchema>, Position>;
  layerNode: Same<z.output<typeof LayerNodeSchema>, LayerNode>;
  edge: Same<z.output<typeof EdgeSchema>, Edge>;
  group: Same<z.output<typeof GroupSchema>, Group>;
  graph: Same<z.output<typeof GraphSchema>, Graph>;
} = { position: true, layerNode: true, edge: true, group: true, graph: true };

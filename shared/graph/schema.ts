import { z } from 'zod';

/** The graph as stored in project files; the in-memory types in types.ts match it. */
const id = z.string().min(1, 'must not be empty');

export const PositionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

export const LayerNodeSchema = z.object({
  id,
  name: z.string().min(1, 'a node name must not be empty'),
  kind: z.string().min(1),
  params: z.record(z.string(), z.unknown()),
  position: PositionSchema.optional(),
  groupId: z.string().optional(),
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

import type { Group } from './types';

/**
 * The outermost enclosing module of every module, by id, in one pass over the
 * parent links (walking each module's chain to the top would be quadratic in the
 * nesting depth). A parent that does not exist ends a chain. In a damaged file
 * where parents loop, each module on the loop is its own outermost one, and a
 * module leading into the loop ends at the loop member it reaches first.
 * With duplicate ids the last module of that id counts.
 */
export function outermostModules(groups: readonly Group[]): Map<string, Group> {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const parentOf = (g: Group) => (g.parentId === undefined ? undefined : byId.get(g.parentId));
  const root = new Map<string, Group>();
  const onPath = new Set<string>();
  for (const start of byId.values()) {
    if (root.has(start.id)) continue;
    const path: Group[] = [];
    let g: Group | undefined = start;
    while (g && !root.has(g.id) && !onPath.has(g.id)) {
      path.push(g);
      onPath.add(g.id);
      g = parentOf(g);
    }
    let top: Group;
    let k = path.length - 1;
    if (g === undefined) top = path[k]!;
    else if (root.has(g.id)) top = root.get(g.id)!;
    else {
      // g is on this path: everything from it onwards is a loop.
      const loopStart = path.indexOf(g);
      for (; k >= loopStart; k--) root.set(path[k]!.id, path[k]!);
      top = g;
    }
    for (; k >= 0; k--) root.set(path[k]!.id, top);
    for (const p of path) onPath.delete(p.id);
  }
  return root;
}

import type { ExportNetwork } from './network';
import type { Scope, ScopeItem } from './scopes';

/** One step of a scope's forward function: a node or a nested module, with variable names resolved. */
export interface ForwardStep {
  item: ScopeItem;
  /** Variables holding the inputs, in slot order (for a module: its parameters' order). */
  inputs: string[];
  /** Variables the result is assigned to (several for a module with several outputs). */
  outputs: string[];
}

export interface ForwardPlan {
  params: string[];
  steps: ForwardStep[];
  /** Variables returned, one per scope output. */
  returns: string[];
}

/**
 * Variable naming shared by both generators. A chain of single-input layers reuses one
 * variable (`x = self.conv(x)`, then `x = self.bn(x)`), as people write it; a tensor
 * read again later (a branch point, a skip connection) gets its own name, the node's.
 * `passThrough(id)` marks nodes that write no code of their own (PyTorch's final
 * softmax): their output is their input's variable.
 */
export interface PlanOptions {
  /** Nodes that write no code (see above). */
  passThrough?: (id: string) => boolean;
  /** Parameter names; default `x` for one parameter, else the source nodes' names. */
  params?: string[];
  /** Keep parameters unchanged to the end (Keras's build_model() passes its inputs to keras.Model). */
  keepParams?: boolean;
}

export function planForward(
  net: ExportNetwork,
  scope: Scope,
  paramNodes: readonly string[],
  { passThrough = () => false, params: names, keepParams = false }: PlanOptions = {},
): ForwardPlan {
  const params = names ?? (paramNodes.length === 1 ? ['x'] : paramNodes.map((id) => net.nodes.get(id)!.ident));
  const vars = new Map<string, string>();
  paramNodes.forEach((id, i) => {
    vars.set(id, params[i]!);
  });

  const alias = new Map<string, string>();
  for (const item of scope.items) {
    if (item.type === 'node' && passThrough(item.id)) alias.set(item.id, net.nodes.get(item.id)!.inputs[0]!);
  }
  const resolve = (id: string): string => {
    let current = id;
    while (alias.has(current)) current = alias.get(current)!;
    return current;
  };
  const inputsOf = (item: ScopeItem) =>
    (item.type === 'node' ? net.nodes.get(item.id)!.inputs : item.scope.inputs).map(resolve);

  // How many more times each tensor is read; a variable may be reused once nothing else reads it.
  const reads = new Map<string, number>();
  const addRead = (id: string) => {
    reads.set(id, (reads.get(id) ?? 0) + 1);
  };
  for (const item of scope.items)
    if (!(item.type === 'node' && alias.has(item.id))) new Set(inputsOf(item)).forEach(addRead);
  for (const out of scope.outputs) addRead(resolve(out));
  if (keepParams) paramNodes.forEach(addRead);

  const steps: ForwardStep[] = [];
  let xTaken = params.includes('x');
  for (const item of scope.items) {
    if (item.type === 'node' && alias.has(item.id)) {
      steps.push({ item, inputs: [vars.get(resolve(item.id))!], outputs: [] });
      continue;
    }
    const inputIds = inputsOf(item);
    const distinct = [...new Set(inputIds)];
    for (const id of distinct) reads.set(id, reads.get(id)! - 1);
    const inputs = inputIds.map((id) => vars.get(id)!);
    const produced = item.type === 'node' ? [item.id] : item.scope.outputs;
    // Several results of a scope read best under their own names (`return p, q`, not `return p, x`).
    const namedResult = scope.outputs.length > 1 && produced.some((id) => scope.outputs.includes(id));
    const reuse = produced.length === 1 && distinct.length === 1 && reads.get(distinct[0]!) === 0 && !namedResult;
    // With the parameters kept (Keras's `inputs`), the chain that starts from one is `x`.
    const startsChain =
      keepParams && !namedResult && produced.length === 1 && distinct.length === 1 && paramNodes.includes(distinct[0]!);
    const takeX = startsChain && !xTaken;
    if (takeX) xTaken = true;
    const outputs = produced.map((id) => (reuse ? vars.get(distinct[0]!)! : takeX ? 'x' : net.nodes.get(id)!.ident));
    produced.forEach((id, i) => {
      vars.set(id, outputs[i]!);
    });
    steps.push({ item, inputs, outputs });
  }
  return { params, steps, returns: scope.outputs.map((id) => vars.get(resolve(id))!) };
}

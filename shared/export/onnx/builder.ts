import { type AttrValue, attribute, floatTensor, int64Tensor, type onnx } from './proto';

/**
 * Collects the nodes and initializers of one ONNX graph. Every value gets a unique
 * name: a layer's output is named after the layer, the steps inside it `layer/step`,
 * its weights `layer.weight` and so on, as PyTorch's exporter names them.
 */
export class GraphBuilder {
  readonly nodes: onnx.INodeProto[] = [];
  readonly initializers: onnx.ITensorProto[] = [];
  private readonly taken = new Set<string>();
  private readonly constants = new Map<number, string>();
  private readonly producers = new Map<string, string>();

  /** `wanted` if free, else `wanted_2`, `wanted_3`, ... */
  name(wanted: string): string {
    let name = wanted;
    for (let i = 2; this.taken.has(name); i++) name = `${wanted}_${i}`;
    this.taken.add(name);
    return name;
  }

  /** Adds one node with one output, named `output` (made unique); returns that name. */
  op(
    opType: string,
    inputs: string[],
    output: string,
    attrs: Record<string, AttrValue> = {},
    extra: string[] = [],
  ): string {
    const name = this.name(output);
    this.nodes.push({
      name,
      opType,
      input: inputs,
      output: [name, ...extra.map((e) => this.name(e))],
      attribute: Object.entries(attrs).map(([k, v]) => attribute(k, v)),
    });
    this.producers.set(name, opType);
    return name;
  }

  /** The operator that computes `value` (undefined for graph inputs and initializers). */
  producer(value: string): string | undefined {
    return this.producers.get(value);
  }

  floats(wanted: string, dims: readonly number[], values: Float32Array | readonly number[]): string {
    const name = this.name(wanted);
    // Weights arrive as Float32Array, used as they are; constants as plain numbers.
    const floats = values instanceof Float32Array ? values : Float32Array.from(values);
    this.initializers.push(floatTensor(name, dims, floats));
    return name;
  }

  scalar(wanted: string, value: number): string {
    return this.floats(wanted, [], [value]);
  }

  ints(wanted: string, values: readonly number[]): string {
    const name = this.name(wanted);
    this.initializers.push(int64Tensor(name, values));
    return name;
  }

  /** A float scalar shared by every node that needs it (clip bounds, 1, 0.5). */
  constant(value: number): string {
    let name = this.constants.get(value);
    if (name === undefined) {
      name = this.scalar(`const/${value}`, value);
      this.constants.set(value, name);
    }
    return name;
  }

  /**
   * Renames the output of the last node to `wanted` (made unique), when `value` is that
   * output: a layer's result carries the layer's name whatever its last step was.
   */
  nameLast(value: string, wanted: string, since: number): string {
    const last = this.nodes.at(-1);
    if (this.nodes.length <= since || !last || last.output![0] !== value) return value;
    this.taken.delete(value);
    const name = this.name(wanted);
    last.output = [name, ...last.output!.slice(1)];
    last.name = name;
    this.producers.set(name, last.opType!);
    return name;
  }
}

import type { RfStep } from '../layers';
import type { ReceptiveField } from './types';
import { youngPair } from './young';

/**
 * Receptive fields of all nodes in flat typed arrays, indexed like the indexed
 * graph. Per axis: `size` is the input window one output position sees, `jump`
 * the input distance between neighbouring outputs. A network input starts at
 * size 1, jump 1; a window of kernel k, dilation d, stride s widens the field by
 * (d(k−1)+1 − 1)·jump and multiplies the jump by s.
 */
export class ReceptiveFields {
  private readonly known: Uint8Array;
  private readonly global: Uint8Array;
  private readonly sizeH: Float64Array;
  private readonly sizeW: Float64Array;
  private readonly jumpH: Float64Array;
  private readonly jumpW: Float64Array;
  /** The object handed out for node i, so a node whose field equals its first input's can share it. */
  private readonly objects: (ReceptiveField | undefined)[];
  private readonly firstInput: Int32Array;

  constructor(n: number) {
    this.known = new Uint8Array(n);
    this.global = new Uint8Array(n);
    this.sizeH = new Float64Array(n);
    this.sizeW = new Float64Array(n);
    this.jumpH = new Float64Array(n);
    this.jumpW = new Float64Array(n);
    this.objects = new Array(n);
    this.firstInput = new Int32Array(n).fill(-1);
  }

  /** A node with no inputs: one pixel of itself. */
  start(i: number): void {
    this.known[i] = 1;
    this.global[i] = 0;
    this.sizeH[i] = this.sizeW[i] = this.jumpH[i] = this.jumpW[i] = 1;
  }

  /**
   * Combines input `input` into node i; the first input is copied. Merges see
   * the union of their inputs' windows, so take the larger field and the coarser
   * jump per axis. Returns false (and forgets i) when the input's field is unknown.
   */
  mergeInput(i: number, input: number, first: boolean): boolean {
    if (!this.known[input]) {
      this.known[i] = 0;
      return false;
    }
    if (first) {
      this.firstInput[i] = input;
      this.known[i] = 1;
      this.global[i] = this.global[input]!;
      this.sizeH[i] = this.sizeH[input]!;
      this.sizeW[i] = this.sizeW[input]!;
      this.jumpH[i] = this.jumpH[input]!;
      this.jumpW[i] = this.jumpW[input]!;
      return true;
    }
    this.global[i] = this.global[i]! | this.global[input]!;
    this.sizeH[i] = Math.max(this.sizeH[i]!, this.sizeH[input]!);
    this.sizeW[i] = Math.max(this.sizeW[i]!, this.sizeW[input]!);
    this.jumpH[i] = Math.max(this.jumpH[i]!, this.jumpH[input]!);
    this.jumpW[i] = Math.max(this.jumpW[i]!, this.jumpW[input]!);
    return true;
  }

  apply(i: number, step: RfStep): void {
    if (step.type === 'identity') return;
    if (step.type === 'global') {
      this.global[i] = 1;
      return;
    }
    const effH = step.dilation[0] * (step.kernel[0] - 1) + 1;
    const effW = step.dilation[1] * (step.kernel[1] - 1) + 1;
    this.sizeH[i]! += (effH - 1) * this.jumpH[i]!;
    this.sizeW[i]! += (effW - 1) * this.jumpW[i]!;
    this.jumpH[i]! *= step.stride[0];
    this.jumpW[i]! *= step.stride[1];
    // A bad step (NaN, negative) must not leave a misleading number behind, nor a field
    // past what a double counts exactly (thousands of strided layers would reach Infinity).
    const h = this.sizeH[i]!;
    const w = this.sizeW[i]!;
    const jh = this.jumpH[i]!;
    const jw = this.jumpW[i]!;
    if (!(h >= 1 && w >= 1 && jh > 0 && jw > 0 && Math.max(h, w, jh, jw) <= Number.MAX_SAFE_INTEGER)) this.forget(i);
  }

  forget(i: number): void {
    this.known[i] = 0;
  }

  /**
   * The field of node i as an object. Batch norms, activations and merges see what their
   * first input sees: they get its object rather than a copy of their own (its type is
   * read-only, so no reader can change it for them all).
   */
  get(i: number): ReceptiveField | null {
    if (!this.known[i]) return null;
    const from = this.firstInput[i]!;
    const shared = from >= 0 ? this.objects[from] : undefined;
    if (shared && this.sameAs(i, from)) {
      this.objects[i] = shared;
      return shared;
    }
    const field = new Field(
      youngPair(this.sizeH[i]!, this.sizeW[i]!),
      youngPair(this.jumpH[i]!, this.jumpW[i]!),
      this.global[i] === 1,
    );
    this.objects[i] = field;
    return field;
  }

  private sameAs(i: number, j: number): boolean {
    return (
      this.known[j] === 1 &&
      this.global[i] === this.global[j] &&
      this.sizeH[i] === this.sizeH[j] &&
      this.sizeW[i] === this.sizeW[j] &&
      this.jumpH[i] === this.jumpH[j] &&
      this.jumpW[i] === this.jumpW[j]
    );
  }
}

/** A receptive field, made by `new` so it stays young (young.ts says why). */
const Field = function (this: Record<string, unknown>, size: unknown, jump: unknown, global: boolean) {
  this.size = size;
  this.jump = jump;
  this.global = global;
} as unknown as new (
  size: readonly [number, number],
  jump: readonly [number, number],
  global: boolean,
) => ReceptiveField;
Field.prototype = Object.prototype;

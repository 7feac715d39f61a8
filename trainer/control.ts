/** What the user asked for, read by the training loop before every batch. */
export type ControlState = 'run' | 'pause' | 'cancel';

export interface TrainingControl {
  state(): ControlState;
}

const codes: ControlState[] = ['run', 'pause', 'cancel'];

/**
 * Control shared between the main thread and the worker through one Int32 in a
 * SharedArrayBuffer: the worker sees a cancel before its next batch without
 * having to yield to its event loop for a message.
 */
export class SharedControl implements TrainingControl {
  readonly buffer: SharedArrayBuffer;
  private readonly cell: Int32Array;

  constructor(buffer = new SharedArrayBuffer(4)) {
    this.buffer = buffer;
    this.cell = new Int32Array(buffer);
  }

  state(): ControlState {
    return codes[Atomics.load(this.cell, 0)] ?? 'run';
  }

  set(state: ControlState): void {
    // A cancel is final: a late resume must not undo it.
    if (this.state() === 'cancel') return;
    Atomics.store(this.cell, 0, codes.indexOf(state));
  }
}

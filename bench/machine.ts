import os from 'node:os';

/** One line naming the machine, printed with every figure (benchmarks are only comparable on the same one). */
export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${cpu.trim()} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${process.platform}-${process.arch}`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` `runs` times after `warmup` untimed runs; returns each run's milliseconds. */
export function timeRuns(fn: () => void, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * Like timeRuns, but each run is a task of its own, as in the editor, which analyses once per
 * edit. Between tasks V8 empties the young generation when it is nearly full; back to back, it
 * does so inside whichever run fills it, and a third of the runs time a collection instead.
 */
export async function timeTasks(fn: () => void, runs: number, warmup = 3): Promise<number[]> {
  const nextTask = () => new Promise<void>((resolve) => setImmediate(resolve));
  for (let i = 0; i < warmup; i++) {
    fn();
    await nextTask();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    await nextTask();
  }
  return times;
}

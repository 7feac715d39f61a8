import { GPU_CHUNK_BYTES, type GpuModelHeader } from '../../../shared/training';
import type { Dataset } from '../../../trainer/dataset';
import type { SerializedModel } from '../../../trainer/serialize';

/**
 * The services' side of one GPU run: the dataset handed to the window in chunks, the trained
 * weights gathered from it in chunks, and when the window was last heard from.
 */
export class GpuFeed {
  private readonly weights: Buffer[] = [];
  private weightsReceived = 0;
  lastHeard = performance.now();

  constructor(private dataset: Dataset | null) {}

  heard(): void {
    this.lastHeard = performance.now();
  }

  /** Up to GPU_CHUNK_BYTES of `part` from `offset`, as base64. */
  chunk(part: 'pixels' | 'labels', offset: number): string {
    if (!this.dataset) throw new Error('The dataset was already handed over; start the run again.');
    const array = part === 'pixels' ? this.dataset.pixels : this.dataset.labels;
    const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
    if (offset > bytes.length) throw new Error(`Offset ${offset} is past the ${part}' ${bytes.length} bytes.`);
    return bytes.subarray(offset, offset + GPU_CHUNK_BYTES).toString('base64');
  }

  /** The worker holds the data now: the services' copy can go. */
  release(): void {
    this.dataset = null;
  }

  addWeights(offset: number, base64: string): void {
    if (offset !== this.weightsReceived) {
      throw new Error(`Weights arrived out of order: expected offset ${this.weightsReceived}, got ${offset}.`);
    }
    const bytes = Buffer.from(base64, 'base64');
    this.weights.push(bytes);
    this.weightsReceived += bytes.length;
  }

  /** The model from its header and the weights received; throws when bytes are missing. */
  model(header: GpuModelHeader): SerializedModel {
    if (this.weightsReceived !== header.weightBytes) {
      throw new Error(`received ${this.weightsReceived} of the model's ${header.weightBytes} weight bytes`);
    }
    const data = Buffer.concat(this.weights);
    const weightData = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
    return {
      modelTopology: header.modelTopology,
      weightSpecs: header.weightSpecs as SerializedModel['weightSpecs'],
      weightData,
    };
  }
}

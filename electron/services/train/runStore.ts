import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Graph } from '../../../shared/graph/types';
import { finishedStatuses, RunRecord, runMessage } from '../../../shared/training';
import { modelJsonText, type SerializedModel, WEIGHTS_FILE } from '../../../trainer/serialize';
import { makeFolder, removeStaleTemps, writeFileAtomic } from '../files';

const GENERATED_BY = 'Netwright (TensorFlow.js 4.22)';

/** Writes a trained model as TF.js Layers files: model.json and weights.bin. */
export async function writeModelFiles(folder: string, model: SerializedModel): Promise<void> {
  await makeFolder(folder);
  await writeFileAtomic(path.join(folder, WEIGHTS_FILE), new Uint8Array(model.weightData));
  await writeFileAtomic(path.join(folder, 'model.json'), modelJsonText(model, GENERATED_BY));
}

export { GENERATED_BY };

/**
 * Runs on disk: <dataDir>/runs/<id>/run.json (settings, curves, metrics, status) and,
 * for runs with a trained model, model.json + weights.bin. With no folder (the CLI),
 * runs live in memory only.
 */
export class RunStore {
  private readonly models = new Map<string, SerializedModel>();
  private readonly graphs = new Map<string, Graph>();

  constructor(private readonly root: string | null) {}

  private folder(id: string): string {
    return path.join(this.root!, id);
  }

  /** Where run `id` is kept on disk; null for a store in memory. */
  folderOf(id: string): string | null {
    return this.root ? this.folder(id) : null;
  }

  /**
   * Every stored run; one left running by a crash or a quit is marked failed, as it cannot
   * go on. Temporary files that killed saves left in the run folders are removed on the way.
   */
  async loadAll(): Promise<RunRecord[]> {
    if (!this.root) return [];
    let ids: string[];
    try {
      ids = await readdir(this.root);
    } catch {
      return [];
    }
    const records: RunRecord[] = [];
    await removeStaleTemps(this.root);
    for (const id of ids) {
      await removeStaleTemps(this.folder(id));
      try {
        const parsed = RunRecord.safeParse(JSON.parse(await readFile(path.join(this.folder(id), 'run.json'), 'utf8')));
        if (!parsed.success) continue; // a damaged record must not hide the others
        const record = parsed.data;
        if (!finishedStatuses.includes(record.status)) {
          record.status = 'failed';
          record.failure = 'internal';
          ({ message: record.message, text: record.text } = runMessage('interrupted'));
        }
        records.push(record);
      } catch {
        // not a run folder
      }
    }
    return records;
  }

  async save(record: RunRecord): Promise<void> {
    if (!this.root) return;
    await makeFolder(this.folder(record.id));
    await writeFileAtomic(path.join(this.folder(record.id), 'run.json'), JSON.stringify(record));
  }

  async saveModel(id: string, model: SerializedModel): Promise<void> {
    if (!this.root) {
      this.models.set(id, model);
      return;
    }
    await writeModelFiles(this.folder(id), model);
  }

  /** The network a run trained, kept so that its export does not depend on what is open. */
  async saveGraph(id: string, graph: Graph): Promise<void> {
    this.graphs.set(id, graph);
    if (!this.root) return;
    await makeFolder(this.folder(id));
    await writeFileAtomic(path.join(this.folder(id), 'graph.json'), JSON.stringify(graph));
  }

  async readGraph(id: string): Promise<Graph | null> {
    const kept = this.graphs.get(id);
    if (kept || !this.root) return kept ?? null;
    try {
      return JSON.parse(await readFile(path.join(this.folder(id), 'graph.json'), 'utf8')) as Graph;
    } catch {
      return null; // runs from before graphs were kept
    }
  }

  async readModel(id: string): Promise<SerializedModel | null> {
    if (!this.root) return this.models.get(id) ?? null;
    try {
      const json = JSON.parse(await readFile(path.join(this.folder(id), 'model.json'), 'utf8'));
      const weights = await readFile(path.join(this.folder(id), WEIGHTS_FILE));
      return {
        modelTopology: json.modelTopology,
        weightSpecs: json.weightsManifest[0].weights,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
      };
    } catch {
      return null;
    }
  }

  async delete(id: string): Promise<void> {
    this.models.delete(id);
    this.graphs.delete(id);
    if (this.root) await rm(this.folder(id), { recursive: true, force: true });
  }
}

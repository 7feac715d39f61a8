import { randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type OpenedFile, type RecentEntry, RecoveredDocument } from '../../shared/api';
import { writeFileAtomic } from './files';
import { readJsonFile } from './jsonFile';

const recentLimit = 10;
/** What the recent list keeps on disk; the renderer sees RecentEntry (an opaque id, never the path as a handle). */
const RecentRecord = z.object({ id: z.string(), name: z.string(), path: z.string().nullable(), at: z.string() });
type RecentRecord = z.infer<typeof RecentRecord>;
const RecentList = z.array(RecentRecord);
const newRecentId = () => randomBytes(12).toString('base64url');

/**
 * Crash recovery and the recent-documents list, kept in the app's data folder. Recent
 * entries keep a copy of the document, so browser mode (which never sees real paths)
 * can reopen them too; the desktop prefers the file on disk when it still exists.
 */
export class DocumentStore {
  constructor(private readonly dataDir: string) {}

  private get recoveryFile() {
    return path.join(this.dataDir, 'recovery.json');
  }
  private get recentFile() {
    return path.join(this.dataDir, 'recent.json');
  }
  private snapshotFile(id: string) {
    return path.join(this.dataDir, 'recent', `${id}.netwright`);
  }

  async writeRecovery(doc: { name: string; filePath: string | null; contents: string }): Promise<void> {
    await mkdir(this.dataDir, { recursive: true });
    const record: RecoveredDocument = { ...doc, savedAt: new Date().toISOString() };
    await writeFileAtomic(this.recoveryFile, JSON.stringify(record));
  }

  readRecovery(): Promise<RecoveredDocument | null> {
    return readJsonFile(this.recoveryFile, RecoveredDocument);
  }

  async clearRecovery(): Promise<void> {
    await unlink(this.recoveryFile).catch(() => {});
  }

  private async records(): Promise<RecentRecord[]> {
    return (await readJsonFile(this.recentFile, RecentList)) ?? [];
  }

  async recent(): Promise<RecentEntry[]> {
    return (await this.records()).map(({ id, name, path: location, at }) => ({ id, name, location, at }));
  }

  /** The caller has checked `doc.path` (a file the user chose); the list keys on it, or on the name when null. */
  async addRecent(doc: { name: string; path: string | null; contents: string }): Promise<void> {
    const records = await this.records();
    const same = (e: RecentRecord) =>
      doc.path === null ? e.path === null && e.name === doc.name : e.path === doc.path;
    const id = records.find(same)?.id ?? newRecentId();
    await mkdir(path.dirname(this.snapshotFile(id)), { recursive: true });
    await writeFileAtomic(this.snapshotFile(id), doc.contents);
    const entry: RecentRecord = { id, name: doc.name, path: doc.path, at: new Date().toISOString() };
    const list = [entry, ...records.filter((e) => e.id !== id)];
    for (const dropped of list.slice(recentLimit)) await unlink(this.snapshotFile(dropped.id)).catch(() => {});
    await writeFileAtomic(this.recentFile, JSON.stringify(list.slice(0, recentLimit)));
  }

  /** `readPaths` false (browser mode): only the copy kept in the data folder is read, never the file itself. */
  async openRecent(id: string, readPaths: boolean): Promise<OpenedFile> {
    const entry = (await this.records()).find((e) => e.id === id);
    if (!entry) throw new Error('That recent document is no longer in the list.');
    if (entry.path && readPaths) {
      try {
        return { path: entry.path, name: entry.name, text: await readFile(entry.path, 'utf8') };
      } catch {
        // Moved or deleted since: fall back to the copy kept at save time, and say so in the name.
        const text = await readFile(this.snapshotFile(id), 'utf8').catch(() => null);
        if (text === null) throw new Error(`${entry.path} no longer exists and no copy was kept.`);
        return { path: null, name: `${entry.name} (copy; ${entry.path} is gone)`, text };
      }
    }
    const text = await readFile(this.snapshotFile(id), 'utf8').catch(() => null);
    if (text === null) throw new Error(`The copy of ${entry.name} is missing.`);
    return { path: null, name: entry.name, text };
  }
}

import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanDataDir } from '../../../electron/services/dataDir';
import { ExportProblem } from '../../../electron/services/export';
import { writeExportFiles } from '../../../electron/services/export/writeFiles';
import { makeFolder, staleTempAgeMs, WriteProblem, writeFileAtomic } from '../../../electron/services/files';
import { mountTmpfs, unmount } from './mounts';

const root = mkdtempSync(path.join(os.tmpdir(), 'netwright-disk-'));
const full = path.join(root, 'full');
const readOnly = path.join(root, 'readonly');
let fullSkip: string | null = null;
let readOnlySkip: string | null = null;

beforeAll(() => {
  fullSkip = mountTmpfs(full, 'size=64k');
  readOnlySkip = mountTmpfs(readOnly, 'size=64k');
  if (!readOnlySkip) {
    writeFileSync(path.join(readOnly, 'old.netwright'), 'old');
    // A read-only tmpfs, made so after a file was put on it.
    readOnlySkip = mountTmpfs(readOnly, 'remount,ro');
  }
});

afterAll(() => {
  unmount(full);
  unmount(readOnly);
  rmSync(root, { recursive: true, force: true });
});

const tempsIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));
const age = (file: string, ms: number) => {
  const then = (Date.now() - ms) / 1000;
  utimesSync(file, then, then);
};

function skipWithReason(reason: string | null, ctx: { skip: () => void }) {
  if (!reason) return;
  console.warn(`skipped: ${reason}`);
  ctx.skip();
}

async function caught(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary behind', async () => {
    const file = path.join(root, 'a.netwright');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(tempsIn(root)).toEqual([]);
  });

  it('on a full disk: removes its temporary, keeps the old file, and names the target', async (ctx) => {
    skipWithReason(fullSkip, ctx);
    const file = path.join(full, 'model.netwright');
    await writeFileAtomic(file, 'old contents');
    const err = await caught(writeFileAtomic(file, 'x'.repeat(256 * 1024)));
    expect(err).toBeInstanceOf(WriteProblem);
    expect(err.message).toBe(
      `Cannot save to ${file}: the disk is full (ENOSPC). Free some space or choose another disk.`,
    );
    expect(tempsIn(full)).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('old contents');
    // The space is free again: a small save still fits.
    await writeFileAtomic(file, 'new contents');
    expect(readFileSync(file, 'utf8')).toBe('new contents');
  });

  it('on a read-only disk: names the target, not the hidden temporary', async (ctx) => {
    skipWithReason(readOnlySkip, ctx);
    const file = path.join(readOnly, 'old.netwright');
    const err = await caught(writeFileAtomic(file, 'new'));
    expect(err.message).toBe(`Cannot save to ${file}: the folder is read-only (EROFS). Choose another folder.`);
    expect(err.message).not.toMatch(/\.tmp/);
    expect(readFileSync(file, 'utf8')).toBe('old');
  });

  it('creating a folder on a read-only disk says EROFS, not ENOENT', async (ctx) => {
    skipWithReason(readOnlySkip, ctx);
    const dir = path.join(readOnly, 'a', 'b');
    const err = await caught(makeFolder(dir));
    expect(err.message).toBe(`Cannot save to ${dir}: the folder is read-only (EROFS). Choose another folder.`);
  });

  it('a missing folder is named as such', async () => {
    const file = path.join(root, 'no-such-folder', 'x.netwright');
    const err = await caught(writeFileAtomic(file, 'x'));
    expect(err.message).toBe(
      `Cannot save to ${file}: the folder does not exist (ENOENT). Create it or choose another folder.`,
    );
  });

  it('the first save into a folder removes our stale temporaries there, and only those', async () => {
    const dir = path.join(root, 'beside');
    await makeFolder(dir);
    const stale = path.join(dir, '.model.netwright.0123456789ab.tmp');
    const fresh = path.join(dir, '.model.netwright.ba9876543210.tmp');
    const others = ['.notes.tmp', 'model.0123456789ab.tmp', '.model.netwright.0123456789AB.tmp', 'keep.txt'];
    for (const f of [stale, fresh, ...others.map((n) => path.join(dir, n))]) writeFileSync(f, 'x');
    for (const n of others) age(path.join(dir, n), 2 * staleTempAgeMs);
    age(stale, staleTempAgeMs + 60_000);
    await writeFileAtomic(path.join(dir, 'other.netwright'), 'saved');
    expect(readdirSync(dir).sort()).toEqual([path.basename(fresh), ...others, 'other.netwright'].sort());
  });
});

describe('cleanDataDir', () => {
  it('removes stale temporaries in the data folder, the recent copies and every run folder', async () => {
    const data = path.join(root, 'data');
    const folders = [data, path.join(data, 'recent'), path.join(data, 'runs'), path.join(data, 'runs', 'run-1')];
    for (const dir of folders) {
      await makeFolder(dir);
      const stale = path.join(dir, '.recovery.json.00112233aabb.tmp');
      writeFileSync(stale, 'half');
      age(stale, 10 * 60_000);
      writeFileSync(path.join(dir, '.recovery.json.ffeeddccbbaa.tmp'), 'in flight');
    }
    expect(await cleanDataDir(data)).toBe(4);
    for (const dir of folders) expect(tempsIn(dir)).toEqual(['.recovery.json.ffeeddccbbaa.tmp']);
  });
});

describe('writeExportFiles', () => {
  const files = [{ path: 'model.py', contents: 'print(1)\n' }];

  it.for(['exported', ''])('to a read-only folder (%s) names the folder and EROFS, not ENOENT', async (sub, ctx) => {
    skipWithReason(readOnlySkip, ctx);
    const dir = path.join(readOnly, sub);
    const err = await caught(writeExportFiles(dir, files));
    expect(err).toBeInstanceOf(ExportProblem);
    expect(err.message).toBe(
      `Cannot write the export to ${dir}: the folder is read-only (EROFS). Choose another folder.`,
    );
  });

  it('on a full disk leaves no temporary and says the disk is full', async (ctx) => {
    skipWithReason(fullSkip, ctx);
    const dir = path.join(full, 'exported');
    const err = await caught(writeExportFiles(dir, [{ path: 'weights.bin', contents: new Uint8Array(256 * 1024) }]));
    expect(err.message).toBe(
      `Cannot write the export to ${dir}: the disk is full (ENOSPC). Free some space or choose another disk.`,
    );
    expect(tempsIn(dir)).toEqual([]);
  });
});

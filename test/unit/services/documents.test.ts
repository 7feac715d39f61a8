import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../electron/services/documents';
import { writeFileAtomic } from '../../../electron/services/files';
import { createServices } from '../../../electron/services/index';

const temp = () => mkdtempSync(path.join(tmpdir(), 'netwright-docs-'));

describe('atomic writes', () => {
  it('replaces the file whole and leaves no temporary file behind', async () => {
    const dir = temp();
    const file = path.join(dir, 'net.netwright');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new contents');
    expect(readFileSync(file, 'utf8')).toBe('new contents');
    expect(readdirSync(dir)).toEqual(['net.netwright']);
  });

  it('fails without touching the old file when the folder is missing', async () => {
    await expect(writeFileAtomic(path.join(temp(), 'missing', 'x.netwright'), 'x')).rejects.toThrow(/ENOENT/);
  });
});

describe('recovery file and recent documents', () => {
  it('keeps, reads and clears the unsaved document', async () => {
    const store = new DocumentStore(path.join(temp(), 'nested', 'data'));
    expect(await store.readRecovery()).toBeNull();
    await store.writeRecovery({ name: 'draft', filePath: null, contents: '{"x":1}' });
    expect(await store.readRecovery()).toMatchObject({ name: 'draft', contents: '{"x":1}', filePath: null });
    await store.clearRecovery();
    expect(await store.readRecovery()).toBeNull();
  });

  it('ignores a corrupt recovery file instead of failing start-up', async () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'recovery.json'), '{ broken');
    expect(await new DocumentStore(dir).readRecovery()).toBeNull();
  });

  it('lists recent documents newest first, without duplicates, at most ten', async () => {
    const store = new DocumentStore(temp());
    for (let i = 0; i < 12; i++) await store.addRecent({ name: `n${i}`, path: null, contents: `c${i}` });
    await store.addRecent({ name: 'n5', path: null, contents: 'c5 again' });
    const list = await store.recent();
    expect(list).toHaveLength(10);
    expect(list[0]!.name).toBe('n5');
    expect(list.filter((e) => e.name === 'n5')).toHaveLength(1);
    expect((await store.openRecent(list[0]!.id, true)).text).toBe('c5 again');
  });

  it('reopens from disk when the file exists, and from the kept copy when it is gone', async () => {
    const dir = temp();
    const file = path.join(dir, 'a.netwright');
    writeFileSync(file, 'on disk');
    const store = new DocumentStore(path.join(dir, 'data'));
    await store.addRecent({ name: 'a', path: file, contents: 'at save' });
    const [entry] = await store.recent();
    expect((await store.openRecent(entry!.id, true)).text).toBe('on disk');
    rmSync(file);
    const copy = await store.openRecent(entry!.id, true);
    expect(copy).toMatchObject({ text: 'at save', path: null });
    expect(copy.name).toMatch(/is gone/);
  });
});

describe('desktop-only services in browser mode', () => {
  it('say clearly that the browser uses its own dialogs', async () => {
    const services = createServices({ shell: 'browser', dataDir: temp() });
    await expect(services.openFileDialog({ purpose: 'open' })).rejects.toThrow(/only available in the desktop app/);
    await expect(services.saveFile({ path: null, suggestedName: 'x', contents: '', saveAs: false })).rejects.toThrow(
      /desktop/,
    );
  });

  it('never write a path the page chose, even inside the data folder', async () => {
    const dir = temp();
    const services = createServices({ shell: 'browser', dataDir: dir });
    const file = path.join(dir, 'x.netwright');
    await expect(
      services.saveFile({ path: file, suggestedName: 'x', contents: 'hello', saveAs: false }),
    ).rejects.toThrow(/only available in the desktop app/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('uses the desktop port for dialogs and window state', async () => {
    const dir = temp();
    const states: [string, boolean][] = [];
    const target = path.join(dir, 'chosen.netwright');
    const services = createServices({
      shell: 'electron',
      dataDir: dir,
      desktop: {
        chooseFileToOpen: async () => null,
        chooseSavePath: async () => target,
        setDocumentState: (title, dirty) => states.push([title, dirty]),
        allowDatasetRead: async () => false,
      },
    });
    expect(await services.openFileDialog({ purpose: 'open' })).toBeNull();
    expect(await services.saveFile({ path: null, suggestedName: 'n', contents: 'c', saveAs: true })).toEqual({
      path: target,
      name: 'chosen.netwright',
    });
    await services.setDocumentState({ title: 't', dirty: true });
    expect(states).toEqual([['t', true]]);
  });
});

describe('exported binary files', () => {
  it('are written byte for byte (PNG, weights)', async () => {
    const dir = temp();
    const target = path.join(dir, 'chart.png');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x80, 0x7f]);
    const services = createServices({
      shell: 'electron',
      dataDir: dir,
      desktop: {
        chooseFileToOpen: async () => null,
        chooseSavePath: async () => target,
        setDocumentState: () => {},
        allowDatasetRead: async () => false,
      },
    });
    await services.exportFile({ suggestedName: 'chart.png', kind: 'png', base64: bytes.toString('base64') });
    expect(readFileSync(target)).toEqual(bytes);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DesktopPort } from '../../../electron/services/desktop';
import { createServices } from '../../../electron/services/index';
import { PathGrants } from '../../../electron/services/pathGrants';
import type { TrainingService } from '../../../electron/services/train';

const temp = () => mkdtempSync(path.join(tmpdir(), 'netwright-grants-'));

/** The desktop main process's services with scripted dialogs; nothing here imports Electron. */
function desktopServices(dialog: { open?: string; save?: string; allowDataset?: boolean } = {}) {
  const dataDir = temp();
  const asked: string[] = [];
  const desktop: DesktopPort = {
    chooseFileToOpen: async () => dialog.open ?? null,
    chooseSavePath: async () => dialog.save ?? null,
    setDocumentState: () => {},
    allowDatasetRead: async (p) => {
      asked.push(p);
      return dialog.allowDataset ?? false;
    },
  };
  const started: unknown[] = [];
  const training = {
    start: async (request: unknown) => {
      started.push(request);
      return { runId: 'r1' };
    },
  } as unknown as TrainingService;
  const services = createServices({ shell: 'electron', dataDir, desktop, training });
  return { services, dataDir, asked, started };
}

const trainRequest = (dataset: unknown) =>
  ({ graph: { nodes: [], edges: [], groups: [] }, options: { dataset } }) as Parameters<
    ReturnType<typeof createServices>['trainStart']
  >[0];

describe('PathGrants', () => {
  it('reads inside granted folders only, resolving .. and symlinks first', () => {
    const root = temp();
    const granted = path.join(root, 'granted');
    mkdirSync(granted);
    writeFileSync(path.join(root, 'secret.txt'), 'x');
    symlinkSync(path.join(root, 'secret.txt'), path.join(granted, 'link.txt'));
    const grants = new PathGrants([granted]);
    expect(grants.mayRead(path.join(granted, 'a', 'b.png'))).toBe(true);
    expect(grants.mayRead(path.join(granted, '..', 'secret.txt'))).toBe(false);
    expect(grants.mayRead(path.join(granted, 'link.txt'))).toBe(false);
    expect(grants.mayRead(`${granted}-sibling/x`)).toBe(false);
    expect(grants.mayRead('granted/a.png')).toBe(false);
    expect(grants.mayWrite(path.join(granted, 'a.netwright'))).toBe(false);
  });

  it('writes exactly the files handed out, and no relative path', () => {
    const dir = temp();
    const grants = new PathGrants();
    grants.grantFile(path.join(dir, 'chosen.netwright'));
    expect(grants.mayWrite(path.join(dir, 'chosen.netwright'))).toBe(true);
    expect(grants.mayWrite(path.join(dir, 'other.netwright'))).toBe(false);
    expect(grants.mayWrite('chosen.netwright')).toBe(false);
  });
});

describe('desktop main process: paths come only from its own dialogs and records', () => {
  it('saveFile refuses a path no dialog returned, and writes nothing', async () => {
    const { services } = desktopServices();
    const target = path.join(temp(), 'evil.netwright');
    await expect(
      services.saveFile({ path: target, suggestedName: 'x', contents: 'pwned', saveAs: false }),
    ).rejects.toThrow(/Refused to write .*own dialogs.*Save As/);
    await expect(
      services.saveFile({ path: 'relative.netwright', suggestedName: 'x', contents: 'pwned', saveAs: false }),
    ).rejects.toThrow(/Refused to write "relative.netwright"/);
  });

  it('saveFile writes again to a file the Open or Save dialog returned', async () => {
    const dir = temp();
    const opened = path.join(dir, 'opened.netwright');
    writeFileSync(opened, 'v1');
    const { services } = desktopServices({ open: opened, save: path.join(dir, 'saved.netwright') });
    expect(await services.openFileDialog({ purpose: 'open' })).toMatchObject({ path: opened, text: 'v1' });
    await services.saveFile({ path: opened, suggestedName: 'x', contents: 'v2', saveAs: false });
    expect(readFileSync(opened, 'utf8')).toBe('v2');
    const saved = await services.saveFile({ path: null, suggestedName: 'x', contents: 's1', saveAs: true });
    await services.saveFile({ path: saved!.path, suggestedName: 'x', contents: 's2', saveAs: false });
    expect(readFileSync(path.join(dir, 'saved.netwright'), 'utf8')).toBe('s2');
  });

  it('recentAdd refuses a path no dialog returned, so recentOpen cannot read it back', async () => {
    const { services } = desktopServices();
    await expect(services.recentAdd({ name: 'os', path: '/etc/os-release', contents: '' })).rejects.toThrow(
      /Refused to write "\/etc\/os-release": only files opened or saved/,
    );
    expect(await services.recentList({})).toEqual([]);
    await expect(services.recentOpen({ id: '/etc/os-release' })).rejects.toThrow(/no longer in the list/);
  });

  it('recent entries are opaque ids; reopening one grants its file for saving', async () => {
    const dir = temp();
    const file = path.join(dir, 'net.netwright');
    writeFileSync(file, 'v1');
    const first = desktopServices({ open: file });
    await first.services.openFileDialog({ purpose: 'open' });
    await first.services.recentAdd({ name: 'net', path: file, contents: 'v1' });
    const [entry] = await first.services.recentList({});
    expect(entry).toMatchObject({ name: 'net', location: file });
    expect(entry!.id).not.toContain(path.sep);
    // A later session (fresh grants) over the same data folder reopens it by id and may save it.
    const later = createServices({
      shell: 'electron',
      dataDir: first.dataDir,
      desktop: stubPort(),
      training: {} as TrainingService,
    });
    await expect(later.saveFile({ path: file, suggestedName: 'x', contents: 'v2', saveAs: false })).rejects.toThrow(
      /Refused/,
    );
    expect((await later.recentOpen({ id: entry!.id })).text).toBe('v1');
    await later.saveFile({ path: file, suggestedName: 'x', contents: 'v2', saveAs: false });
    expect(readFileSync(file, 'utf8')).toBe('v2');
  });

  it('recoveryWrite refuses a file path no dialog returned', async () => {
    const { services } = desktopServices();
    await expect(services.recoveryWrite({ name: 'x', filePath: '/etc/passwd', contents: '{}' })).rejects.toThrow(
      /Refused to write "\/etc\/passwd"/,
    );
  });

  it('a typed dataset path outside the data folder needs the user\u2019s yes in a native dialog', async () => {
    const refused = desktopServices({ allowDataset: false });
    await expect(refused.services.trainStart(trainRequest({ kind: 'folder', path: '/etc' }))).rejects.toThrow(
      /Refused to read "\/etc": you did not allow/,
    );
    expect(refused.asked).toEqual(['/etc']);
    expect(refused.started).toEqual([]);
    const allowed = desktopServices({ allowDataset: true });
    expect(await allowed.services.trainStart(trainRequest({ kind: 'folder', path: '/srv/data' }))).toEqual({
      runId: 'r1',
    });
    const relative = desktopServices({ allowDataset: true });
    await expect(relative.services.trainStart(trainRequest({ kind: 'idx', path: 'data' }))).rejects.toThrow(
      /Refused to read "data"/,
    );
    expect(relative.asked).toEqual([]);
  });
});

function stubPort(): DesktopPort {
  return {
    chooseFileToOpen: async () => null,
    chooseSavePath: async () => null,
    setDocumentState: () => {},
    allowDatasetRead: async () => false,
  };
}

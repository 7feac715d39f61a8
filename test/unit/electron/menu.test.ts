import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/menu';

const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role);

describe('application menu', () => {
  it('has File, Edit, View, Window and Help on Linux and Windows', () => {
    expect(labels(buildMenuTemplate('linux', { about: () => {}, run: () => {} }))).toEqual([
      'File',
      'Edit',
      'View',
      'windowMenu',
      'help',
    ]);
  });

  it('adds the app menu first on macOS and closes windows instead of quitting from File', () => {
    const template = buildMenuTemplate('darwin', { about: () => {}, run: () => {} });
    expect(template[0]!.role).toBe('appMenu');
    expect((template[1]!.submenu as MenuItemConstructorOptions[]).at(-1)!.role).toBe('close');
  });

  it('runs the renderer actions from File and Edit, showing but not stealing their shortcuts', () => {
    const run = vi.fn();
    const template = buildMenuTemplate('linux', { about: () => {}, run });
    const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const byLabel = (label: string) => items.find((i) => i.label === label)!;
    for (const [label, action] of [
      ['Open…', 'open'],
      ['Save', 'save'],
      ['Save As…', 'saveAs'],
      ['Undo', 'undo'],
      ['Redo', 'redo'],
      ['Export PNG…', 'exportPng'],
    ]) {
      byLabel(label!).click?.({} as never, undefined, {} as never);
      expect(run).toHaveBeenLastCalledWith(action);
    }
    expect(byLabel('Save')).toMatchObject({ accelerator: 'CmdOrCtrl+S', registerAccelerator: false });
  });

  it('runs the about action from Help', () => {
    const about = vi.fn();
    const help = buildMenuTemplate('linux', { about, run: () => {} }).find((m) => m.role === 'help')!;
    const item = (help.submenu as MenuItemConstructorOptions[]).find((i) => i.label === 'About Netwright')!;
    item.click?.({} as never, undefined, {} as never);
    expect(about).toHaveBeenCalled();
  });
});

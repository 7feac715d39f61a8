import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from '../../../electron/menu';

const labels = (items: MenuItemConstructorOptions[]) => items.map((i) => i.label ?? i.role);

describe('application menu', () => {
  it('has File, Edit, View, Window and Help on Linux and Windows', () => {
    expect(labels(buildMenuTemplate('linux', { about: () => {} }))).toEqual([
      'File',
      'Edit',
      'View',
      'windowMenu',
      'help',
    ]);
  });

  it('adds the app menu first on macOS and closes windows instead of quitting from File', () => {
    const template = buildMenuTemplate('darwin', { about: () => {} });
    expect(template[0]!.role).toBe('appMenu');
    expect((template[1]!.submenu as MenuItemConstructorOptions[])[0]!.role).toBe('close');
  });

  it('offers undo and redo in Edit', () => {
    const edit = buildMenuTemplate('linux', { about: () => {} }).find((m) => m.label === 'Edit')!;
    expect((edit.submenu as MenuItemConstructorOptions[]).map((i) => i.role)).toEqual(
      expect.arrayContaining(['undo', 'redo']),
    );
  });

  it('runs the about action from Help', () => {
    const about = vi.fn();
    const help = buildMenuTemplate('linux', { about }).find((m) => m.role === 'help')!;
    const item = (help.submenu as MenuItemConstructorOptions[])[0]!;
    item.click?.({} as never, undefined, {} as never);
    expect(about).toHaveBeenCalled();
  });
});

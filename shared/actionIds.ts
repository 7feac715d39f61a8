/**
 * Every action the renderer registers (renderer/actions/actions.ts), by id. The native
 * menu names actions by these ids and sends them over IPC, so the union makes a menu item
 * that names a missing action, or an action the menu cannot name, fail the type check.
 */
export const actionIds = [
  'open',
  'import',
  'save',
  'saveAs',
  'new',
  'undo',
  'redo',
  'delete',
  'selectAll',
  'copy',
  'paste',
  'duplicate',
  'group',
  'toggleModule',
  'fit',
  'zoomReset',
  'layout',
  'layoutDirection',
  'clearSelection',
  'exportPng',
  'exportPytorch',
  'exportKeras',
  'exportOnnx',
  'exportSvg',
  'presentLesson',
  'timeline',
  'shortcuts',
] as const;

export type ActionId = (typeof actionIds)[number];

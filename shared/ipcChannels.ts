/** Electron IPC channel names, kept apart from api.ts so the preload bundle stays tiny. */
export const ipcChannels = {
  invoke: 'netwright:invoke',
  event: 'netwright:event',
} as const;

import { contextBridge, ipcRenderer } from 'electron';
import type { NetwrightBridge } from '../shared/api';
import { ipcChannels } from '../shared/ipcChannels';

/** The renderer's only door to the machine: one object implementing shared/api.ts. */
const bridge: NetwrightBridge = {
  invoke: (method, request) => ipcRenderer.invoke(ipcChannels.invoke, method, request),
  on(event, listener) {
    const handler = (_e: Electron.IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload as never);
    };
    ipcRenderer.on(ipcChannels.event, handler);
    return () => ipcRenderer.removeListener(ipcChannels.event, handler);
  },
};

contextBridge.exposeInMainWorld('netwright', bridge);

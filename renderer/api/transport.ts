import type { NetwrightApi, NetwrightBridge } from '../../shared/api';
import { unwrapResult } from '../../shared/api';
import { browserFiles } from './browserFiles';
import { desktopFiles } from './desktopFiles';
import type { FileAccess } from './fileAccess';
import { connectWebSocketApi } from './wsTransport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    netwright?: NetwrightBridge;
  }
}

function fromBridge(bridge: NetwrightBridge): NetwrightApi {
  return {
    invoke: async (method, request) => unwrapResult(await bridge.invoke(method, request)),
    on: (event, listener) => bridge.on(event, listener),
  };
}

let api: NetwrightApi | undefined;

/** The one place that knows which shell we run in: the preload's bridge, or the host's WebSocket. */
export function getApi(): NetwrightApi {
  api ??= window.netwright
    ? fromBridge(window.netwright)
    : connectWebSocketApi(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`);
  return api;
}

let files: FileAccess | undefined;

/** Native dialogs on the desktop, the browser's pickers and downloads in browser mode. */
export function getFiles(): FileAccess {
  files ??= window.netwright ? desktopFiles(getApi()) : browserFiles;
  return files;
}

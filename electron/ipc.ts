import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiEvent, ApiEventPayload, ApiResult } from '../shared/api';
import { ipcChannels } from '../shared/ipcChannels';
import type { ApiHandler } from './services/apiHandler';

export interface SenderPolicy {
  /** The window allowed to call us (null before it exists). */
  trustedContents(): WebContents | null;
  isOwnUrl(url: string): boolean;
}

const forbidden: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Refused: the request did not come from the Netwright window.' },
};

/** Only our own window's top frame, showing our own renderer, may call the services. */
export function isTrustedSender(event: IpcMainInvokeEvent, policy: SenderPolicy): boolean {
  const trusted = policy.trustedContents();
  const frame = event.senderFrame;
  return (
    trusted !== null &&
    event.sender === trusted &&
    frame !== null &&
    frame.parent === null &&
    policy.isOwnUrl(frame.url)
  );
}

export function registerIpc(ipcMain: IpcMain, handler: ApiHandler, policy: SenderPolicy): void {
  ipcMain.handle(ipcChannels.invoke, async (event, method: unknown, payload: unknown) => {
    if (!isTrustedSender(event, policy)) return forbidden;
    return handler(method, payload);
  });
}

export function sendEvent<E extends ApiEvent>(contents: WebContents, event: E, payload: ApiEventPayload<E>): void {
  if (!contents.isDestroyed()) contents.send(ipcChannels.event, event, payload);
}

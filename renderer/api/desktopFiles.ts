import type { NetwrightApi } from '../../shared/api';
import { blobToBase64, type FileAccess } from './fileAccess';

/** Desktop: native dialogs in the main process, atomic writes to real paths. */
export function desktopFiles(api: NetwrightApi): FileAccess {
  return {
    savesToDisk: true,
    open: (purpose) => api.invoke('openFileDialog', { purpose }),
    save: (request) => api.invoke('saveFile', request),
    async exportFile(suggestedName, kind, data) {
      return (await api.invoke('exportFile', { suggestedName, kind, base64: await blobToBase64(data) })) !== null;
    },
  };
}

import type { ShellKind } from '../../shared/api';
import type { ServiceImplementations } from './apiHandler';
import { appVersion } from './appInfo';
import { ensureBackend } from './tfjs';

/** The main-process services behind shared/api.ts, the same for every shell. */
export function createServices(shell: ShellKind): ServiceImplementations {
  return {
    ping: async () => ({
      app: 'netwright',
      version: appVersion,
      shell,
      platform: `${process.platform}-${process.arch}`,
      runtime: process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`,
    }),
    backendInfo: () => ensureBackend(),
  };
}

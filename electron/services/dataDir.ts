import os from 'node:os';
import path from 'node:path';

/**
 * Where recovery files and the recent list live when the shell does not say
 * (browser mode, CLI): NETWRIGHT_DATA_DIR, else the platform's per-user config folder.
 */
export function defaultDataDir(): string {
  if (process.env.NETWRIGHT_DATA_DIR) return process.env.NETWRIGHT_DATA_DIR;
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), 'Netwright');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Netwright');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'netwright');
}

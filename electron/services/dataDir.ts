import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { removeStaleTemps } from './disk/staleTemps';

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

/**
 * At start: removes the temporary files that killed saves left in the folders Netwright
 * writes in the data folder (recovery file and recent list, recent copies, each stored
 * run). Only our own stale temporaries are touched (see disk/staleTemps.ts). Never throws.
 */
export async function cleanDataDir(dataDir: string): Promise<number> {
  const runsDir = path.join(dataDir, 'runs');
  const runs = await readdir(runsDir, { withFileTypes: true }).catch(() => []);
  const folders = [
    dataDir,
    path.join(dataDir, 'recent'),
    runsDir,
    ...runs.filter((d) => d.isDirectory()).map((d) => path.join(runsDir, d.name)),
  ];
  let removed = 0;
  for (const folder of folders) removed += await removeStaleTemps(folder);
  return removed;
}

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LaunchPage {
  /** The file to hand to the system opener: its path carries no secret. */
  file: string;
  remove(): void;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A local page that forwards the browser to the tokened URL, so the token never appears
 * in the opener's command line (`ps` shows every process's arguments to every user).
 * It lives in a fresh 0700 folder inside the data folder, is readable by this user only,
 * and is removed when the host stops.
 */
export function writeLaunchPage(dataDir: string, url: string): LaunchPage {
  mkdirSync(dataDir, { recursive: true });
  const dir = mkdtempSync(path.join(dataDir, 'launch-'));
  const file = path.join(dir, 'open-netwright.html');
  const target = escapeHtml(url);
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Netwright</title><p><a href="${target}">Open Netwright</a></p>\n`,
    { mode: 0o600 },
  );
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

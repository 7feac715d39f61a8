import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

const isInside = (file: string, root: string) => file === root || file.startsWith(root + path.sep);

/**
 * Resolves a URL path inside `root`; anything that escapes it (by `..`, or by a symlink
 * pointing outside, checked on the real path), or is missing, is null.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  if (!isInside(resolved, root)) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(resolved)]);
    if (!isInside(realFile, realRoot)) return null;
    const body = await readFile(realFile);
    return { body, contentType: contentTypes[path.extname(resolved)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

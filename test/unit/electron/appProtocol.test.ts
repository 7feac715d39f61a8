import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rendererRequestHandler } from '../../../electron/appProtocol';
import { contentSecurityPolicy } from '../../../electron/host/security';

let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'netwright-app-'));
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Netwright</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {}');
  writeFileSync(path.join(root, 'secret.txt'), 'secret');
  symlinkSync(path.join(root, 'secret.txt'), path.join(rendererDir, 'linked.txt'));
  handle = rendererRequestHandler(rendererDir);
});

const get = (url: string) => handle(new Request(url));

describe('app:// scheme for the desktop renderer', () => {
  it('serves the renderer with the same CSP as browser mode', async () => {
    const page = await get('app://netwright/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Netwright</title>');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    const script = await get('app://netwright/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/text\/javascript/);
  });

  it('serves nothing outside dist/renderer: .., encoded .., symlinks out, other hosts', async () => {
    for (const url of [
      'app://netwright/../secret.txt',
      'app://netwright/%2e%2e/secret.txt',
      'app://netwright/linked.txt',
      'app://other/index.html',
      'app://netwright/missing.js',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
    expect((await handle(new Request('app://netwright/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

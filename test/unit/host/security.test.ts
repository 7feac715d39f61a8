import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { writeLaunchPage } from '../../../electron/host/launchPage';
import { type RunningHost, startHost } from '../../../electron/host/server';
import { createApiHandler } from '../../../electron/services/apiHandler';
import { createServices } from '../../../electron/services/index';
import type { TrainingService } from '../../../electron/services/train';
import { wsMessageLimitBytes } from '../../../shared/api';

/**
 * Browser mode attacked over real sockets: the page (or anything that got the token) is
 * hostile. Real services on a temporary data folder; training itself is stubbed.
 */
let host: RunningHost;
let root: string;
let dataDir: string;
let allowed: string;
const logged: string[] = [];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'netwright-security-'));
  const rendererDir = path.join(root, 'renderer');
  dataDir = path.join(root, 'data');
  allowed = path.join(root, 'datasets');
  for (const dir of [rendererDir, dataDir, allowed]) mkdirSync(dir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Netwright</title>');
  writeFileSync(path.join(root, 'secret.txt'), 'secret');
  symlinkSync(path.join(root, 'secret.txt'), path.join(rendererDir, 'linked.txt'));
  symlinkSync(root, path.join(allowed, 'escape'));
  const training = { start: async () => ({ runId: 'started' }) } as unknown as TrainingService;
  const services = createServices({ shell: 'browser', dataDir, allowDirs: [allowed], training });
  host = await startHost({ rendererDir, handler: createApiHandler(services), log: (l) => logged.push(l) });
});

afterAll(() => host.close());

const origin = () => `http://127.0.0.1:${host.port}`;
const authHeaders = () => ({ cookie: `netwright_token=${host.token}`, origin: origin() });

function get(pathname: string, headers: Record<string, string>) {
  return new Promise<{ status: number; location?: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: pathname, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(headers = authHeaders()): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api`, { headers, maxPayload: 0 });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

let nextId = 1;
async function call(method: string, payload: unknown): Promise<{ ok: boolean; error?: { message: string } }> {
  const ws = await openSocket();
  const id = nextId++;
  const answer = new Promise<{ result: { ok: boolean; error?: { message: string } } }>((resolve) =>
    ws.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.id === id) resolve(message);
    }),
  );
  ws.send(JSON.stringify({ id, method, payload }));
  const { result } = await answer;
  ws.close();
  return result;
}

/** A raw TCP connection upgraded by hand, to send frames no WebSocket library would. */
function rawUpgrade(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => {
      socket.write(
        [
          'GET /api HTTP/1.1',
          `Host: 127.0.0.1:${host.port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
          'Sec-WebSocket-Version: 13',
          `Origin: ${origin()}`,
          `Cookie: netwright_token=${host.token}`,
          '',
          '',
        ].join('\r\n'),
      );
    });
    socket.once('error', reject);
    socket.once('data', (data) => (String(data).startsWith('HTTP/1.1 101') ? resolve(socket) : reject(String(data))));
  });
}

/** A masked client frame; `length` may claim more than `payload` holds. */
function frame(first: number, payload: Buffer, length = payload.length): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, 0x80 | length]);
  else {
    header = Buffer.alloc(10);
    header[0] = first;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, mask, masked]);
}

/** Sends the bytes and returns the close code the server answers with. */
async function closeCodeFor(bytes: Buffer): Promise<number> {
  const socket = await rawUpgrade();
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    socket.on('data', (data) => {
      received = Buffer.concat([received, data]);
      if (received.length >= 4 && received[0] === 0x88) {
        resolve(received.readUInt16BE(2));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed without a close frame (${received.toString('hex')})`)));
    socket.write(bytes);
  });
}

async function alive(): Promise<void> {
  expect(await call('ping', {})).toMatchObject({ ok: true });
}

/** The socket's 'error' reached our handler: without one, Node ends the process on it. */
function handled(reason: RegExp): void {
  expect(logged.filter((line) => line.startsWith('host: closed a WebSocket')).join('\n')).toMatch(reason);
}

describe('browser mode: HTTP', () => {
  it('refuses a missing or wrong token, another Host, another Origin', async () => {
    expect((await get('/', {})).status).toBe(401);
    expect((await get('/?token=nope', {})).status).toBe(401);
    expect((await get('/', { ...authHeaders(), host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await get('/', { ...authHeaders(), origin: 'http://evil.example' })).status).toBe(403);
  });

  it('redirects the token URL only to its own root (no open redirect)', async () => {
    for (const evil of ['/.//evil.example/', '//evil.example/', '/\\evil.example/']) {
      const reply = await get(`${evil}?token=${host.token}`, {});
      expect(reply).toEqual({ status: 303, location: '/' });
    }
  });

  it('serves nothing outside the renderer folder: .., encoded .., or a symlink pointing out', async () => {
    const cookie = { cookie: `netwright_token=${host.token}` };
    expect((await get('/', cookie)).status).toBe(200);
    expect((await get('/../secret.txt', cookie)).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt', cookie)).status).toBe(404);
    expect((await get('/linked.txt', cookie)).status).toBe(404);
  });
});

describe('browser mode: malformed WebSocket traffic', () => {
  it('closes on invalid UTF-8 in a 2-byte text frame (1007) and stays up', async () => {
    expect(await closeCodeFor(frame(0x81, Buffer.from([0xc3, 0x28])))).toBe(1007);
    handled(/invalid UTF-8/i);
    await alive();
  });

  it('closes on a frame with reserved bits set (1002) and stays up', async () => {
    expect(await closeCodeFor(frame(0xf1, Buffer.from('{}')))).toBe(1002);
    handled(/RSV/);
    await alive();
  });

  it('closes on a frame announcing more than the hard limit (1009) without reading it, and stays up', async () => {
    expect(await closeCodeFor(frame(0x81, Buffer.alloc(0), 4 * wsMessageLimitBytes))).toBe(1009);
    handled(/max payload/i);
    await alive();
  });

  it('answers a request over the limit with a clear refusal, and stays up', async () => {
    const ws = await openSocket();
    const answer = new Promise<{ id: number; result: { ok: boolean; error: { message: string } } }>((resolve) =>
      ws.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    const padding = 'x'.repeat(wsMessageLimitBytes + 1024);
    ws.send(`{"id":41,"method":"recoveryWrite","payload":{"name":"big","filePath":null,"contents":"${padding}"}}`);
    const reply = await answer;
    expect(reply.id).toBe(41);
    expect(reply.result.ok).toBe(false);
    expect(reply.result.error.message).toMatch(/This request is 65 MB; browser mode carries at most 64 MB/);
    ws.close();
    await alive();
  });

  it('ignores binary frames and non-JSON text, and stays up', async () => {
    const ws = await openSocket();
    ws.send(Buffer.from([1, 2, 3]));
    ws.send('not json');
    ws.close();
    await alive();
  });
});

describe('browser mode: every file-touching method refuses hostile paths', () => {
  it('saveFile never writes: absolute, relative, or inside the data folder', async () => {
    const targets = [path.join(root, 'evil.netwright'), 'relative-evil.netwright', path.join(dataDir, 'x.netwright')];
    for (const target of targets) {
      const result = await call('saveFile', { path: target, suggestedName: 'x', contents: 'pwned', saveAs: false });
      expect(result).toMatchObject({
        ok: false,
        error: { message: expect.stringMatching(/only available in the desktop app/) },
      });
      expect(existsSync(path.resolve(target))).toBe(false);
    }
  });

  it('recentAdd refuses a path, so recentOpen cannot read back /etc/os-release', async () => {
    const added = await call('recentAdd', { name: 'os', path: '/etc/os-release', contents: '' });
    expect(added).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Refused to write "\/etc\/os-release"/) },
    });
    expect(await call('recentList', {})).toEqual({ ok: true, value: [] });
    const opened = await call('recentOpen', { id: '/etc/os-release' });
    expect(opened).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer in the list/) } });
  });

  it('recoveryWrite refuses a file path (browser documents have none)', async () => {
    const result = await call('recoveryWrite', { name: 'x', filePath: '/etc/passwd', contents: '{}' });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Refused to write "\/etc\/passwd"/) },
    });
  });

  it('openFileDialog and exportFile are desktop-only', async () => {
    expect(await call('openFileDialog', { purpose: 'open' })).toMatchObject({ ok: false });
    const exported = await call('exportFile', { suggestedName: '/tmp/x.png', kind: 'png', base64: 'AA==' });
    expect(exported).toMatchObject({ ok: false, error: { message: expect.stringMatching(/desktop app/) } });
  });

  it('training reads datasets only inside the data folder and --allow-dir folders', async () => {
    const graph = { nodes: [], edges: [] };
    const hostile = [
      { kind: 'folder', path: '/etc' },
      { kind: 'idx', path: '/etc/passwd' },
      { kind: 'cifar10', path: path.join(allowed, '..', 'secret.txt') },
      { kind: 'folder', path: path.join(allowed, 'escape') },
      { kind: 'folder', path: 'datasets' },
    ];
    for (const dataset of hostile) {
      for (const method of ['trainStart', 'trainEstimate']) {
        const result = await call(method, { graph, options: { dataset } });
        expect(result).toMatchObject({
          ok: false,
          error: { message: expect.stringMatching(/Refused to read .*--allow-dir DIR/) },
        });
      }
    }
    const inside = await call('trainStart', { graph, options: { dataset: { kind: 'folder', path: allowed } } });
    expect(inside).toEqual({ ok: true, value: { runId: 'started' } });
  });

  it('is still alive, and logged what it refused without dying', async () => {
    await alive();
    expect(readdirSync(root).sort()).toEqual(['data', 'datasets', 'renderer', 'secret.txt']);
  });
});

describe('browser mode: launch page', () => {
  it('hands the opener a file path without the token, readable by this user only', async () => {
    const url = `http://127.0.0.1:1/?token=${'t'.repeat(32)}`;
    const page = writeLaunchPage(path.join(root, 'launch-data'), url);
    expect(page.file).not.toContain('token');
    const { readFileSync, statSync } = await import('node:fs');
    expect(readFileSync(page.file, 'utf8')).toContain(`url=${url}`);
    expect(statSync(page.file).mode & 0o077).toBe(0);
    page.remove();
    expect(existsSync(page.file)).toBe(false);
  });
});

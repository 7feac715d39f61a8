import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningHost, startHost } from '../../../electron/host/server';
import { createApiHandler } from '../../../electron/services/apiHandler';
import { runMessage } from '../../../shared/training';
import { fakeServices } from '../api/fakeServices';

let host: RunningHost;
let rendererDir: string;

const report = { name: 'cpu' as const, reason: 'test', attempts: [] };
const refusal = runMessage('inputCount', { count: 2 });

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(pathname: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: pathname, headers }, (res) => {
      let body = '';
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cookie = () => ({ cookie: `netwright_token=${host.token}` });
const origin = () => `http://127.0.0.1:${host.port}`;

function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'netwright-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Netwright</title>');
  writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'secret');
  const handler = createApiHandler(
    fakeServices({
      ping: async () => ({ app: 'netwright', version: '9.9.9', shell: 'browser', platform: 'x', runtime: 'y' }),
      backendInfo: async () => report,
      runGet: async () => {
        throw Object.assign(new Error(refusal.message), { text: refusal.text });
      },
    }),
  );
  host = await startHost({ rendererDir, handler });
});

afterAll(() => host.close());

describe('browser-mode host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('trades the launch token for a strict cookie and drops it from the URL', async () => {
    const reply = await get(`/?token=${host.token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(String(reply.headers['set-cookie'])).toMatch(/netwright_token=.*HttpOnly; SameSite=Strict/);
  });

  it('serves the renderer with a strict CSP when the cookie is present', async () => {
    const reply = await get('/', cookie());
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Netwright</title>');
    expect(reply.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(reply.headers['content-security-policy']).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
  });

  it('refuses requests without the token, with a hint', async () => {
    const reply = await get('/');
    expect(reply.status).toBe(401);
    expect(reply.body).toMatch(/npm run web/);
    expect((await get('/?token=wrong')).status).toBe(401);
  });

  it('refuses other origins and DNS-rebinding Host headers', async () => {
    expect((await get('/', { ...cookie(), origin: 'https://evil.example' })).status).toBe(403);
    expect((await get('/', { ...cookie(), host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await get('/../secret.txt', cookie())).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt', cookie())).status).toBe(404);
  });

  it('answers API calls over the WebSocket from its own origin', async () => {
    const ws = await openSocket(`ws://127.0.0.1:${host.port}/api`, { ...cookie(), origin: origin() });
    const answer = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    ws.send(JSON.stringify({ id: 7, method: 'ping', payload: {} }));
    expect(await answer).toEqual({
      type: 'result',
      id: 7,
      result: { ok: true, value: expect.objectContaining({ version: '9.9.9' }) },
    });

    const bad = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    ws.send(JSON.stringify({ id: 8, method: 'ping', payload: { x: 1 } }));
    expect(await bad).toMatchObject({ id: 8, result: { ok: false, error: { code: 'bad-request' } } });

    const event = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    host.broadcast('backendSelected', report);
    expect(await event).toEqual({ type: 'event', event: 'backendSelected', payload: report });
    ws.close();
  });

  it("carries a refusal's text to the page beside its English message", async () => {
    const ws = await openSocket(`ws://127.0.0.1:${host.port}/api`, { ...cookie(), origin: origin() });
    const answer = new Promise<unknown>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    ws.send(JSON.stringify({ id: 9, method: 'runGet', payload: { runId: 'r' } }));
    expect(await answer).toEqual({
      type: 'result',
      id: 9,
      result: { ok: false, error: { code: 'failed', message: refusal.message, text: refusal.text } },
    });
    ws.close();
  });

  it('refuses WebSockets from other origins or without the token', async () => {
    await expect(
      openSocket(`ws://127.0.0.1:${host.port}/api`, { ...cookie(), origin: 'https://evil.example' }),
    ).rejects.toThrow();
    await expect(openSocket(`ws://127.0.0.1:${host.port}/api`, { origin: origin() })).rejects.toThrow();
    await expect(openSocket(`ws://127.0.0.1:${host.port}/api`, { ...cookie() })).rejects.toThrow();
  });
});

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { type ApiEvent, type ApiEventPayload, WsRequest, type WsServerMessage } from '../../shared/api';
import type { ApiHandler } from '../services/apiHandler';
import {
  contentSecurityPolicy,
  isAllowedOrigin,
  isLoopbackHost,
  newToken,
  readCookie,
  tokenCookie,
  tokensEqual,
} from './security';
import { readStaticFile } from './staticFiles';

export interface HostOptions {
  rendererDir: string;
  handler: ApiHandler;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
  log?: (line: string) => void;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  broadcast<E extends ApiEvent>(event: E, payload: ApiEventPayload<E>): void;
  close(): Promise<void>;
}

const maxMessageBytes = 64 * 1024 * 1024;

/**
 * Browser mode: serves the built renderer and the API on 127.0.0.1 only. The
 * launch URL carries a random token; the first page load trades it for a
 * SameSite=Strict cookie, so every later request (assets, the WebSocket) carries it.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? newToken();
  const log = options.log ?? (() => {});
  const clients = new Set<WebSocket>();
  let port = 0;

  const refuse = (res: ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(`${message}\n`);
  };

  const authorised = (req: IncomingMessage, url: URL) =>
    tokensEqual(url.searchParams.get('token'), token) || tokensEqual(readCookie(req, tokenCookie), token);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isLoopbackHost(req.headers.host, port)) return refuse(res, 403, 'Forbidden: unexpected Host header.');
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse(res, 403, 'Forbidden: other origins are refused.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    if (!authorised(req, url)) {
      return refuse(
        res,
        401,
        'Netwright: open the URL that `npm run web` printed; it carries this launch\u2019s token.',
      );
    }
    if (url.searchParams.has('token')) {
      // Trade the token for a cookie and drop it from the address bar and history.
      res.writeHead(303, {
        location: url.pathname,
        'set-cookie': `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        'cache-control': 'no-store',
      });
      return res.end();
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return refuse(res, 404, `Not found: ${url.pathname}`);
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const ok =
      url.pathname === '/api' &&
      isLoopbackHost(req.headers.host, port) &&
      req.headers.origin !== undefined &&
      isAllowedOrigin(req.headers.origin, port) &&
      authorised(req, url);
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', (data) => void answer(ws, data.toString()));
    });
  });

  const answer = async (ws: WebSocket, text: string) => {
    let request: WsRequest;
    try {
      request = WsRequest.parse(JSON.parse(text));
    } catch {
      log('host: ignored a malformed API message');
      return;
    }
    const result = await options.handler(request.method, request.payload);
    const message: WsServerMessage = { type: 'result', id: request.id, result };
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    broadcast(event, payload) {
      const message: WsServerMessage = { type: 'event', event, payload };
      const text = JSON.stringify(message);
      for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

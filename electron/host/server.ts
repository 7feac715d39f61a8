import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  type ApiEvent,
  type ApiEventPayload,
  WsRequest,
  type WsServerMessage,
  wsMessageLimitBytes,
  wsTooLargeMessage,
} from '../../shared/api';
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

/**
 * Up to this, an oversized request still gets an answer (refused, with its id); past it the
 * socket library closes the connection (1009) without buffering more.
 */
const hardMessageLimitBytes = 2 * wsMessageLimitBytes;

/** The renderer sends `{"id":N,...`; reading the id is all an oversized request gets. */
function leadingRequestId(data: Buffer): number | null {
  const match = /^\{"id":(\d{1,15}),/.exec(data.subarray(0, 32).toString('latin1'));
  return match ? Number(match[1]) : null;
}

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
      // Trade the token for a cookie and drop it from the address bar and history. Always to
      // our own root: echoing the path back (`//evil.example/`) would be an open redirect.
      res.writeHead(303, {
        location: '/',
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

  const wss = new WebSocketServer({ noServer: true, maxPayload: hardMessageLimitBytes });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
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
      // Malformed frames (bad UTF-8, reserved bits, over the hard limit): ws closes the socket
      // with the matching code and reports here; without a listener the process would die.
      ws.on('error', (err) => log(`host: closed a WebSocket: ${err.message}`));
      ws.on('message', (data, isBinary) => {
        answer(ws, data as Buffer, isBinary).catch((err) => log(`host: ${String(err)}`));
      });
    });
  });

  const reply = (ws: WebSocket, message: WsServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };

  const answer = async (ws: WebSocket, data: Buffer, isBinary: boolean) => {
    if (data.length > wsMessageLimitBytes) {
      const id = leadingRequestId(data);
      log(`host: refused a ${data.length}-byte message`);
      const error = { code: 'bad-request' as const, message: wsTooLargeMessage(data.length) };
      if (id !== null) reply(ws, { type: 'result', id, result: { ok: false, error } });
      else ws.close(1009, 'Message too large');
      return;
    }
    let request: WsRequest;
    try {
      if (isBinary) throw new Error('binary');
      request = WsRequest.parse(JSON.parse(data.toString('utf8')));
    } catch {
      log('host: ignored a malformed API message');
      return;
    }
    const result = await options.handler(request.method, request.payload);
    reply(ws, { type: 'result', id: request.id, result });
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

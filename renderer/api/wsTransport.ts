import {
  ApiError,
  type ApiEvent,
  type ApiEventPayload,
  type ApiResult,
  type NetwrightApi,
  unwrapResult,
  type WsServerMessage,
  wsMessageLimitBytes,
  wsTooLargeMessage,
} from '../../shared/api';

/** UTF-8 size, encoded only when the text could be over the limit. */
function utf8Bytes(text: string): number {
  return text.length * 3 <= wsMessageLimitBytes ? text.length : new TextEncoder().encode(text).length;
}

type Pending = { resolve: (result: ApiResult<unknown>) => void };

/**
 * Browser-mode transport: requests carry ids, answers and events come back on the
 * same socket. The token travels as the host's SameSite cookie, not in code.
 */
export function connectWebSocketApi(url: string): NetwrightApi {
  const pending = new Map<number, Pending>();
  const listeners = new Map<ApiEvent, Set<(payload: unknown) => void>>();
  let nextId = 1;
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener(
      'error',
      () => reject(new ApiError('failed', 'Cannot reach the Netwright host: is `npm run web` still running?')),
      { once: true },
    );
  });
  socket.addEventListener('close', () => {
    for (const p of pending.values()) {
      p.resolve({ ok: false, error: { code: 'failed', message: 'The connection to the Netwright host closed.' } });
    }
    pending.clear();
  });
  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as WsServerMessage;
    if (data.type === 'result') {
      pending.get(data.id)?.resolve(data.result);
      pending.delete(data.id);
    } else {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
    }
  });

  return {
    async invoke(method, request) {
      await opened;
      const id = nextId++;
      const text = JSON.stringify({ id, method, payload: request });
      const bytes = utf8Bytes(text);
      // The host would refuse it anyway; saying so here spares sending tens of megabytes.
      if (bytes > wsMessageLimitBytes) throw new ApiError('bad-request', wsTooLargeMessage(bytes));
      const result = new Promise<ApiResult<unknown>>((resolve) => pending.set(id, { resolve }));
      socket.send(text);
      return unwrapResult(await result) as never;
    },
    on<E extends ApiEvent>(event: E, listener: (payload: ApiEventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}

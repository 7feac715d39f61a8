import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectWebSocketApi } from '../../../renderer/api/wsTransport';
import { wsMessageLimitBytes } from '../../../shared/api';

/** Just enough of the DOM WebSocket: opens at once, records what is sent, answers ping. */
class FakeSocket extends EventTarget {
  static last: FakeSocket;
  sent: string[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.last = this;
    queueMicrotask(() => this.dispatchEvent(new Event('open')));
  }
  send(text: string) {
    this.sent.push(text);
    const { id } = JSON.parse(text) as { id: number };
    const data = JSON.stringify({ type: 'result', id, result: { ok: true, value: {} } });
    queueMicrotask(() => this.dispatchEvent(new MessageEvent('message', { data })));
  }
}

afterEach(() => vi.unstubAllGlobals());

describe('browser-mode transport', () => {
  it('refuses a request over the host limit before sending it, saying how large it is', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const api = connectWebSocketApi('ws://127.0.0.1:1/api');
    const contents = 'é'.repeat(wsMessageLimitBytes / 2 + 1024);
    await expect(api.invoke('recoveryWrite', { name: 'big', filePath: null, contents })).rejects.toThrow(
      /This request is 65 MB; browser mode carries at most 64 MB to the host/,
    );
    expect(FakeSocket.last.sent).toEqual([]);
    expect(await api.invoke('recoveryWrite', { name: 'small', filePath: null, contents: 'x' })).toEqual({});
    expect(FakeSocket.last.sent).toHaveLength(1);
  });
});

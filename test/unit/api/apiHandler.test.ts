import { describe, expect, it } from 'vitest';
import { createApiHandler, type ServiceImplementations } from '../../../electron/services/apiHandler';
import { apiContract, apiMethods, errorText, unwrapResult, WsRequest } from '../../../shared/api';
import { runMessage } from '../../../shared/training';
import { fakeServices } from './fakeServices';

const report = {
  name: 'wasm' as const,
  reason: 'because',
  attempts: [{ name: 'wasm' as const, ok: true, reason: 'x' }],
};

function services(overrides: Partial<ServiceImplementations> = {}): ServiceImplementations {
  return fakeServices({
    ping: async () => ({ app: 'netwright', version: '1.2.3', shell: 'cli', platform: 'linux-x64', runtime: 'Node' }),
    backendInfo: async () => report,
    ...overrides,
  });
}

describe('API contract validation', () => {
  it('answers a valid request with the service result', async () => {
    const result = await createApiHandler(services())('ping', {});
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ app: 'netwright', version: '1.2.3' }) });
    expect(apiContract.ping.response.safeParse(unwrapResult(result)).success).toBe(true);
  });

  it('treats a missing payload as an empty request', async () => {
    expect((await createApiHandler(services())('backendInfo', undefined)).ok).toBe(true);
  });

  it('refuses an unknown method by name', async () => {
    const result = await createApiHandler(services())('deleteEverything', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown-method', message: expect.stringContaining('"deleteEverything"') },
    });
  });

  it('refuses a method name that is not a string, or an inherited property', async () => {
    for (const method of [42, null, 'toString', '__proto__']) {
      const result = await createApiHandler(services())(method, {});
      expect(result.ok).toBe(false);
    }
  });

  it('refuses extra payload fields, naming them', async () => {
    const result = await createApiHandler(services())('ping', { evil: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-request');
      expect(result.error.message).toMatch(/ping/);
      expect(result.error.message).toMatch(/evil/);
    }
  });

  it('turns a failing service into an error envelope without a stack trace', async () => {
    const logged: string[] = [];
    const handler = createApiHandler(
      services({
        backendInfo: async () => {
          throw new Error('No TensorFlow.js backend could be loaded');
        },
      }),
      (line) => logged.push(line),
    );
    const result = await handler('backendInfo', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: 'No TensorFlow.js backend could be loaded' },
    });
    expect(logged[0]).toContain('backendInfo failed');
  });

  it('unwrapResult throws an ApiError carrying code and message', () => {
    expect(() => unwrapResult({ ok: false, error: { code: 'forbidden', message: 'no' } })).toThrowError(
      expect.objectContaining({ name: 'ApiError', code: 'forbidden', message: 'no' }),
    );
  });

  it('every method has a request and a response schema', () => {
    for (const method of apiMethods) {
      expect(apiContract[method].request).toBeDefined();
      expect(apiContract[method].response).toBeDefined();
    }
  });

  it('validates the WebSocket wire format', () => {
    expect(WsRequest.safeParse({ id: 1, method: 'ping', payload: {} }).success).toBe(true);
    expect(WsRequest.safeParse({ id: -1, method: 'ping' }).success).toBe(false);
    expect(WsRequest.safeParse({ method: 'ping' }).success).toBe(false);
  });
});

describe('a refusal in any language', () => {
  const refused = (message: string, text: unknown) => () => Promise.reject(Object.assign(new Error(message), { text }));

  it("carries the error's text beside its English message", async () => {
    const said = runMessage('inputCount', { count: 2 });
    const result = await createApiHandler(services({ trainStart: refused(said.message, said.text) }))('trainStart', {
      graph: { nodes: [], edges: [] },
      options: {},
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Training needs exactly one Input; this network has 2.', text: said.text },
    });
    try {
      unwrapResult(result);
    } catch (err) {
      expect(errorText(err, 'de')).toBe('Zum Training braucht es genau eine Input-Schicht; dieses Netz hat 2.');
      expect(errorText(err, 'en')).toBe(said.message);
    }
    expect.assertions(3);
  });

  it('leaves out a text that does not read as the message, or is no text of the catalogue', async () => {
    const said = runMessage('inputCount', { count: 2 });
    for (const [message, text] of [
      ['Something else went wrong.', said.text],
      [said.message, { key: 'no.such.key', values: {} }],
      [said.message, 'a string'],
    ] as const) {
      const handler = createApiHandler(services({ backendInfo: refused(message, text) }));
      expect(await handler('backendInfo', {})).toEqual({ ok: false, error: { code: 'failed', message } });
    }
  });
});

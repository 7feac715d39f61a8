import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApi } from '../../../renderer/api/transport';
import { type ApiResult, errorText, type NetwrightBridge } from '../../../shared/api';
import { runMessage } from '../../../shared/training';

/** The main side refuses every request the way the services refuse a network that cannot be trained. */
const refusal = runMessage('outputCount', { count: 2, names: 'a, b' });
const bridge = {
  invoke: async (): Promise<ApiResult<never>> => ({ ok: false, error: { code: 'failed', ...refusal } }),
  on: () => () => {},
} as unknown as NetwrightBridge;

const g = globalThis as { window?: unknown };
const hadWindow = 'window' in g;
beforeAll(() => {
  g.window = { netwright: bridge };
});
afterAll(() => {
  if (!hadWindow) delete g.window;
});

async function refused(): Promise<unknown> {
  try {
    await getApi().invoke('trainStart', { graph: { nodes: [], edges: [] }, options: {} });
  } catch (err) {
    return err;
  }
  throw new Error('expected the request to be refused');
}

describe("a service's refusal as the window shows it", () => {
  it('reads in German where the error carries a text, in English as the service said it', async () => {
    const err = await refused();
    expect(errorText(err, 'de')).toBe('Zum Training braucht es genau eine Ausgabe; dieses Netz endet in 2 (a, b).');
    expect(errorText(err, 'en')).toBe('Training needs exactly one output; this network ends in 2 (a, b).');
  });

  it('shows an error without a text by its message', () => {
    expect(errorText(new Error('The connection to the Netwright host closed.'), 'de')).toBe(
      'The connection to the Netwright host closed.',
    );
    expect(errorText('plain', 'de')).toBe('plain');
  });
});

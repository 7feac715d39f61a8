import {
  type ApiMethod,
  type ApiRequest,
  type ApiResponse,
  type ApiResult,
  apiContract,
  isApiMethod,
  textOfError,
} from '../../shared/api';
import { describeZodError, errorMessage } from '../../shared/issues';

export type ServiceImplementations = {
  [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<M>>;
};

export type ApiHandler = (method: unknown, payload: unknown) => Promise<ApiResult<unknown>>;

/**
 * The one entry point both shells call: validates the method name and payload
 * against shared/api.ts, runs the service, and turns any failure into an error
 * envelope with a readable message (never a stack trace across the boundary).
 */
export function createApiHandler(services: ServiceImplementations, log: (msg: string) => void = () => {}): ApiHandler {
  return async (method, payload) => {
    if (!isApiMethod(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `Unknown API method ${JSON.stringify(method)}.` } };
    }
    const parsed = apiContract[method].request.safeParse(payload ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'bad-request', message: `Invalid request for ${method}: ${describeZodError(parsed.error)}` },
      };
    }
    try {
      const run = services[method] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await run(parsed.data) };
    } catch (err) {
      const message = errorMessage(err);
      log(`${method} failed: ${err instanceof Error && err.stack ? err.stack : message}`);
      const text = textOfError(err);
      return { ok: false, error: text ? { code: 'failed', message, text } : { code: 'failed', message } };
    }
  };
}

import type { ServiceImplementations } from '../../../electron/services/apiHandler';
import { apiMethods } from '../../../shared/api';

/** Every API method, failing loudly unless the test supplies it. */
export function fakeServices(overrides: Partial<ServiceImplementations>): ServiceImplementations {
  const all = Object.fromEntries(
    apiMethods.map((m) => [
      m,
      async () => {
        throw new Error(`${m} is not faked in this test`);
      },
    ]),
  );
  return { ...all, ...overrides } as ServiceImplementations;
}

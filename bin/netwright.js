#!/usr/bin/env node
// `npx netwright`. Runs the compiled CLI in dist/cli (built by `npm run build:cli`, which
// `prepare` runs on every npm install/ci) while it is newer than every source it was built
// from. Otherwise (installed with --ignore-scripts, or sources edited since) it runs the
// TypeScript sources through tsx: the same results, only slower to start, so a stale build
// never gives stale answers. NETWRIGHT_CLI_SOURCE=1 forces the sources.
import { compiledCliIsCurrent } from './compiledCli.js';

if (process.env.NETWRIGHT_CLI_SOURCE !== '1' && compiledCliIsCurrent(new URL('../', import.meta.url))) {
  await import('../dist/cli/netwright.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli.ts');
}

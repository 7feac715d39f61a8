#!/usr/bin/env node
// `npx netwright`. Runs the compiled CLI in dist/cli (built by `npm run build:cli`, which
// `prepare` runs on every npm install/ci) while it is newer than every source it was built
// from, as dist/cli/inputs.json lists them. Otherwise (a fresh clone installed without
// scripts, or sources edited since) it runs the TypeScript sources through tsx: the same
// results, only slower to start, so a stale build can never give stale answers.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function compiledIsCurrent() {
  try {
    const { inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    const built = statSync(new URL('dist/cli/netwright.js', root)).mtimeMs;
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

if (process.env.NETWRIGHT_CLI_SOURCE !== '1' && compiledIsCurrent()) await import('../dist/cli/netwright.js');
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli.ts');
}

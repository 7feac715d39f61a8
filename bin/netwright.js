#!/usr/bin/env node
// `npx netwright`. Runs the compiled CLI in dist/cli (built by `npm run build:cli`, which
// `prepare` runs on every npm install/ci) while it is newer than every source it was built
// from. Otherwise (installed with --ignore-scripts, or sources edited since) it runs the
// TypeScript sources through tsx: the same results, only slower to start, so a stale build
// never gives stale answers. NETWRIGHT_CLI_SOURCE=1 forces the sources.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // Both builds print package.json's version: read it here, and load neither build nor its
  // freshness check (a stat per source), which took longer than the rest of this answer.
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`${version}\n`);
} else {
  const { compiledCliIsCurrent, runCompiledCli } = await import('./compiledCli.js');
  const root = new URL('../', import.meta.url);
  if (process.env.NETWRIGHT_CLI_SOURCE !== '1' && compiledCliIsCurrent(root)) {
    await runCompiledCli(fileURLToPath(new URL('dist/cli', root)), args);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    await import('../electron/cli.ts');
  }
}

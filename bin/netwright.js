#!/usr/bin/env node
// Runs the TypeScript CLI directly, so `npx netwright` works on a fresh clone with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli.ts');

/**
 * Files of the shared project run one after another in a worker that keeps its modules (vitest
 * `isolate: false`). A file may set environment variables (train/helpers' useCpu pins
 * NETWRIGHT_BACKEND): each file starts from the environment the worker started with, as it
 * would in a process of its own.
 */
const key = Symbol.for('netwright.test.initialEnv');
const store = globalThis as { [key]?: NodeJS.ProcessEnv };
store[key] ??= { ...process.env };
const initial = store[key]!;
for (const name of Object.keys(process.env)) if (!(name in initial)) delete process.env[name];
Object.assign(process.env, initial);

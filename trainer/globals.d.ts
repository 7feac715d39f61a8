// The few host globals the training loop uses that Node worker threads and browser Workers
// both provide. Declared here, not taken from @types/node or lib.dom, so anything else
// either host offers alone fails the type check (docs/architecture.md).
declare function setTimeout(callback: () => void, ms?: number): unknown;
declare const performance: { now(): number };

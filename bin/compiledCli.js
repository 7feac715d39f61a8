// The compiled CLI in ROOT/dist/cli: whether it may run, and running it with V8's code cache.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const BUNDLE = 'netwright.cjs';
export const CODE_CACHE = 'netwright.cjs.v8cache';

/**
 * Whether the compiled CLI may run: built completely (inputs.json is written last) and newer
 * than every source it was built from.
 * @param {URL} root the repository root, ending in '/'
 */
export function compiledCliIsCurrent(root) {
  try {
    // Plain paths and no exceptions: a URL object and a thrown error per file made this check
    // cost several times its ~330 stat calls.
    const dir = fileURLToPath(root);
    const { inputs } = JSON.parse(readFileSync(`${dir}dist/cli/inputs.json`, 'utf8'));
    const built = statSync(`${dir}dist/cli/${BUNDLE}`).mtimeMs;
    for (const file of inputs) {
      const source = statSync(dir + file, { throwIfNoEntry: false });
      if (source === undefined || source.mtimeMs > built) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the bundle in `dir` as Node loads a CommonJS file, but handing V8 the code the build
 * compiled (CODE_CACHE): parsing and compiling the bundle was a tenth of an `analyze` run's
 * instructions. V8 refuses a cache from another Node version or another bundle, and then
 * simply compiles the source. (Node 22's module.enableCompileCache does this for any module.)
 * @param {string} dir
 * @param {boolean} [useCodeCache] false compiles the source, as without a cache (for the bench)
 * @returns {{ cli: any, cacheRefused: boolean, writeCodeCache: () => void }}
 */
export function loadCompiledCli(dir, useCodeCache = true) {
  const filename = path.resolve(dir, BUNDLE);
  const cacheFile = path.resolve(dir, CODE_CACHE);
  let cachedData;
  try {
    cachedData = useCodeCache ? readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  // The build writes the bundle in ASCII, which latin1 reads 30 times faster than utf8 on Node 20.
  const script = new vm.Script(Module.wrap(readFileSync(filename, 'latin1')), { filename, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(filename), module, filename, path.dirname(filename));
  return {
    cli: module.exports,
    cacheRefused: cachedData === undefined || script.cachedDataRejected === true,
    // After a run, so the cache holds the functions that run compiled too.
    writeCodeCache: () => writeFileSync(cacheFile, script.createCachedData()),
  };
}

/**
 * Runs one command line with the compiled CLI in `dir`.
 * @param {string} dir
 * @param {string[]} argv
 */
export async function runCompiledCli(dir, argv) {
  const { cli } = loadCompiledCli(dir);
  cli.endQuietlyWhenReaderCloses();
  process.exitCode = await cli.runCli(argv, cli.processIo);
}

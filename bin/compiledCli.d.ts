export const BUNDLE: string;
export const CODE_CACHE: string;
export function compiledCliIsCurrent(root: URL): boolean;
export function loadCompiledCli(
  dir: string,
  useCodeCache?: boolean,
): {
  // biome-ignore lint/suspicious/noExplicitAny: the bundle's exports, typed in electron/cli/bundleEntry.ts.
  cli: any;
  cacheRefused: boolean;
  writeCodeCache: () => void;
};
export function runCompiledCli(dir: string, argv: string[]): Promise<void>;

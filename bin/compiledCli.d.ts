export function compiledCliIsCurrent(root: URL): boolean;

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's Python (the shim first on PATH may lack nothing we need here, but keep one interpreter). */
export const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : null;

/**
 * Parses many generated Python files in one interpreter (one start-up, not one per file) and
 * returns the names of those that do not parse, with Python's message.
 */
export function unparsablePython(files: readonly { name: string; source: string }[]): string[] {
  if (!python || files.length === 0) return [];
  const script =
    'import ast, json, sys\n' +
    'bad = []\n' +
    'for f in json.load(sys.stdin):\n' +
    '    try:\n' +
    '        ast.parse(f["source"], filename=f["name"])\n' +
    '    except (SyntaxError, ValueError) as e:\n' +
    '        bad.append(f["name"] + ": " + str(e))\n' +
    'print(json.dumps(bad))\n';
  const run = spawnSync(python, ['-c', script], { input: JSON.stringify(files), maxBuffer: 64 * 2 ** 20 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr.toString().slice(0, 500)}`);
  return JSON.parse(run.stdout.toString()) as string[];
}

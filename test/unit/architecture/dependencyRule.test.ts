import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rule (docs/architecture.md) is only as good as its checks: each case writes one
 * forbidden import into a layer's folder and expects Biome to reject it, so a lint config that
 * stops covering a folder fails here instead of passing silently.
 */
const root = path.resolve(__dirname, '../../..');
const run = promisify(execFile);

const probes: { layer: string; folder: string; source: string; message: RegExp }[] = [
  {
    layer: 'shared',
    folder: 'shared/graph',
    source: "import { readFileSync } from 'node:fs';",
    message: /no Node APIs/,
  },
  { layer: 'shared', folder: 'shared/layers', source: "import * as tf from '@tensorflow/tfjs';", message: /no tfjs/ },
  {
    layer: 'renderer',
    folder: 'renderer/panels',
    source: "import { ipcRenderer } from 'electron';",
    message: /shared\/api\.ts/,
  },
  {
    layer: 'renderer',
    folder: 'renderer/store',
    source: "import { readFileSync } from 'node:fs';",
    message: /shared\/api\.ts/,
  },
  {
    layer: 'services',
    folder: 'electron/services',
    source: "import { app } from 'electron';",
    message: /touch Electron/,
  },
  { layer: 'host', folder: 'electron/host', source: "import { app } from 'electron';", message: /touch Electron/ },
  { layer: 'cli', folder: 'electron/cli', source: "import { app } from 'electron';", message: /touch Electron/ },
  {
    layer: 'shared',
    folder: 'shared/training',
    source: "import { trainLoop } from '../../trainer/trainLoop';",
    message: /no tfjs/,
  },
  {
    layer: 'renderer',
    folder: 'renderer/training',
    source: "import * as tf from '@tensorflow/tfjs';",
    message: /shared\/api\.ts/,
  },
  {
    layer: 'renderer',
    folder: 'renderer/panels',
    source: "import { trainLoop } from '../../trainer/trainLoop';",
    message: /tfjs and trainer\/ only in renderer\/training\/gpu/,
  },
  {
    layer: 'renderer GPU worker',
    folder: 'renderer/training/gpu',
    source: "import { readFileSync } from 'node:fs';",
    message: /browser Worker/,
  },
  {
    layer: 'renderer GPU worker',
    folder: 'renderer/training/gpu',
    source: "import { loadDataset } from '../../../electron/services/datasets';",
    message: /browser Worker/,
  },
  { layer: 'trainer', folder: 'trainer', source: "import { Worker } from 'node:worker_threads';", message: /no Node/ },
  { layer: 'trainer', folder: 'trainer/compile', source: "import { app } from 'electron';", message: /no Electron/ },
  {
    layer: 'trainer',
    folder: 'trainer',
    source: "import { loadDataset } from '../electron/services/datasets';",
    message: /shared\/ and tfjs only/,
  },
];

async function lint(file: string): Promise<{ code: number; output: string }> {
  const biome = path.join(root, 'node_modules/.bin/biome');
  try {
    const { stdout, stderr } = await run(biome, ['lint', '--max-diagnostics=5', file], { cwd: root });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

describe('the dependency rule', () => {
  it.each(probes)('Biome rejects a forbidden import in $folder ($layer)', async ({ folder, source, message }) => {
    const file = path.join(root, folder, `dependencyProbe${process.pid}${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, `${source}\n\nexport const probe = 1;\n`);
    try {
      const result = await lint(file);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/noRestrictedImports/);
      expect(result.output).toMatch(message);
    } finally {
      rmSync(file, { force: true });
    }
  });

  it.each([
    ['electron', "import { app } from 'electron';\n\nexport const probe = app;\n"],
    [
      'renderer/training/gpu',
      "import * as tf from '@tensorflow/tfjs';\nimport { trainLoop } from '../../../trainer/trainLoop';\n\nexport const probe = [tf, trainLoop];\n",
    ],
  ])(
    'lets the same imports through where the rule allows them: %s (the probe itself is sound)',
    async (folder, source) => {
      const file = path.join(root, folder, `dependencyProbe${process.pid}.ts`);
      writeFileSync(file, source);
      try {
        expect((await lint(file)).code).toBe(0);
      } finally {
        rmSync(file, { force: true });
      }
    },
  );

  it.each(['shared', 'trainer'])("%s/'s type check has neither DOM nor Node types", (folder) => {
    const messages = typeCheckProbe(folder, 'export const here = document.title + process.cwd();\n');
    expect(messages.some((text) => text.includes("Cannot find name 'document'"))).toBe(true);
    expect(messages.some((text) => text.includes("Cannot find name 'process'"))).toBe(true);
  });

  it("trainer/ sees the timers both hosts have (the probe's setup is sound)", () => {
    expect(typeCheckProbe('trainer', 'export const t = performance.now();\nsetTimeout(() => {}, 1);\n')).toEqual([]);
  });
});

/** Type errors of one probe file checked with `folder`'s tsconfig (its own declaration files included). */
function typeCheckProbe(folder: string, source: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, folder, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  if (!config) throw new Error(`${folder}/tsconfig.json could not be read`);
  const probe = path.join(root, folder, 'probe.ts');
  const host = ts.createCompilerHost(config.options);
  const readFile = host.readFile;
  host.readFile = (name) => (path.resolve(name) === probe ? source : readFile(name));
  const fileExists = host.fileExists;
  host.fileExists = (name) => path.resolve(name) === probe || fileExists(name);
  const declarations = config.fileNames.filter((name) => name.endsWith('.d.ts'));
  const program = ts.createProgram([probe, ...declarations], config.options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
}

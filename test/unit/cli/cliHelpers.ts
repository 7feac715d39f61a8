import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../../electron/cli/run';
import { GraphBuilder } from '../../../shared/graph/builder';
import { createProjectFile, serializeProject } from '../../../shared/graph/projectFile';
import type { Graph } from '../../../shared/graph/types';

/** A temp folder and helpers shared by the suggest, factorize and compare CLI tests. */
export function cliFixture(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    file: (name: string) => path.join(dir, name),
    writeProject(name: string, graph: Graph): string {
      const file = path.join(dir, `${name}.netwright`);
      writeFileSync(file, serializeProject(createProjectFile(name, graph)));
      return file;
    },
  };
}

export async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err };
}

/** 32×32×16 → 5×5 conv 'conv5' (16 → 16, conv2d_bn style) → 3×3 'conv3' → pool → dense head. */
export function smallNet(): Graph {
  const b = new GraphBuilder();
  let x = b.input([32, 32, 16]);
  x = b.add('Conv2D', { filters: 16, kernelSize: [5, 5], useBias: false }, [x], 'conv5');
  x = b.add('Activation', {}, [b.add('BatchNorm', { scale: false }, [x], 'bn5')], 'relu5');
  x = b.add('Conv2D', { filters: 16, kernelSize: [3, 3], activation: 'relu' }, [x], 'conv3');
  x = b.add('GlobalAvgPool2D', {}, [x], 'gap');
  b.add('Dense', { units: 10, activation: 'softmax' }, [x], 'head');
  return b.build();
}

export function brokenNet(): Graph {
  const graph = smallNet();
  graph.nodes.find((n) => n.id === 'conv3')!.params.kernelSize = [64, 64];
  graph.nodes.find((n) => n.id === 'conv3')!.params.padding = 'valid';
  return graph;
}

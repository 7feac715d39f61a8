import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProjectFile, serializeProject } from '../../../shared/graph/projectFile';
import { syntheticGraph } from '../analysis/synthetic';

describe('netwright piped into a reader that stops early (`| head -1`)', () => {
  it('ends quietly, without an EPIPE stack trace', () => {
    // Large enough that the report outgrows the pipe's buffer before `head` has gone.
    const file = join(mkdtempSync(join(tmpdir(), 'nw-pipe-')), 'big.netwright');
    writeFileSync(file, serializeProject(createProjectFile('big', syntheticGraph(3000))));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" bin/netwright.js analyze "${file}" | head -n 1`], {
      encoding: 'utf8',
    });
    expect(r.stdout).toMatch(/^name +kind/);
    expect(r.stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

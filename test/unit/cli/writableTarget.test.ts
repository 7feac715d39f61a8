import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkWritableFolder } from '../../../electron/services/writableTarget';
import { cli, cliFixture, smallNet } from './cliHelpers';

const fx = cliFixture('netwright-cli-writable-');
const small = fx.writeProject('small', smallNet());

/**
 * A read-only folder. We run as root, whom chmod does not stop, so it is a read-only
 * tmpfs mount; where mounting is not allowed, the tests that need it are skipped.
 */
function readOnlyMount(): { dir: string } | { skip: string } {
  const dir = fx.file('read-only');
  mkdirSync(dir);
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status === 0) return { dir };
  rmdirSync(dir);
  return { skip: `cannot mount a read-only tmpfs here (${(r.stderr || String(r.error)).trim()})` };
}
const readOnly = readOnlyMount();
afterAll(() => {
  if ('dir' in readOnly) spawnSync('umount', [readOnly.dir]);
});
if ('skip' in readOnly) console.warn(`skipping the read-only mount tests: ${readOnly.skip}`);
const roDir = 'dir' in readOnly ? readOnly.dir : '';

describe('checkWritableFolder', () => {
  it('accepts a folder that does not exist yet, without creating it or leaving anything behind', async () => {
    const target = fx.file('new/deeper');
    await checkWritableFolder(target, '--save');
    expect(existsSync(fx.file('new'))).toBe(false);
    expect(readdirSync(fx.dir).filter((f) => f.startsWith('.netwright'))).toEqual([]);
  });

  it('names the target, the flag and the fix for a path under a file', async () => {
    await expect(checkWritableFolder('/dev/null/run', '--save')).rejects.toThrow(
      'Cannot write to /dev/null/run (--save): /dev/null is not a folder; choose a folder you can write to.',
    );
    const file = fx.file('a-file');
    writeFileSync(file, 'x');
    await expect(checkWritableFolder(file, '--out')).rejects.toThrow(/is a file; --out needs a folder/);
  });

  it.skipIf(!roDir)('refuses a read-only file system', async () => {
    await expect(checkWritableFolder(path.join(roDir, 'run'), '--save')).rejects.toThrow(
      /\(--save\): the file system is read-only; choose a folder you can write to\./,
    );
  });
});

describe('output folders are checked before the work', () => {
  it.skipIf(!roDir)('train --save to a read-only folder exits 2 in one line, before training', async () => {
    const target = path.join(roDir, 'run');
    const { code, out, err } = await cli('train', small, '--epochs', '1', '--samples', '16', '--save', target);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toEqual([
      `netwright: Cannot write to ${target} (--save): the file system is read-only; choose a folder you can write to.`,
    ]);
  });

  it('train --save under a file exits 2 before training', async () => {
    const { code, err } = await cli('train', small, '--epochs', '1', '--save', '/dev/null/run', '--json');
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^netwright: Cannot write to \/dev\/null\/run \(--save\)/);
  });

  it.skipIf(!roDir)('export --out to a read-only folder exits 2 and writes nothing', async () => {
    const { code, err } = await cli('export', small, '--to', 'pytorch', '--out', path.join(roDir, 'code'));
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/\(--out\): the file system is read-only/);
  });
});

describe('a write that fails after the work', () => {
  it('says what is in the way and how to fix it, in one line (exit 2)', async () => {
    const target = fx.file('taken.netwright');
    mkdirSync(target);
    const { code, err } = await cli('template', 'small-inception', '--out', target);
    expect(code).toBe(2);
    expect(err).toEqual([
      `netwright: Cannot save to ${target}: a folder of that name is in the way (EISDIR). Choose another name.`,
    ]);
  });
});

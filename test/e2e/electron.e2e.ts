import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { repoRoot, resultsDir } from './helpers';

/** Electron >= 45 downloads its binary on first run; offline machines never have it. */
function electronBinary(): { binary?: string; skip?: string } {
  const dir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      skip: 'the Electron binary is not installed (it downloads on first run; run `npx install-electron` online)',
    };
  }
  const binary = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { skip: `the Electron binary ${binary} is missing` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { skip: 'no display (run under xvfb-run to include this test)' };
  }
  return { binary };
}

const { binary, skip } = electronBinary();
if (skip) console.warn(`Electron end-to-end test SKIPPED: ${skip}.`);

describe('desktop app through Playwright _electron', () => {
  it.skipIf(!binary)(`opens the window and answers the round trip${skip ? ` (skipped: ${skip})` : ''}`, async () => {
    const app = await electron.launch({ executablePath: binary!, args: [repoRoot], cwd: repoRoot });
    try {
      const window = await app.firstWindow();
      await window.getByRole('button', { name: 'New network' }).click();
      await expect.poll(() => window.locator('.react-flow__node').count()).toBe(1);
      await expect
        .poll(() => window.getByTestId('status-version').textContent())
        .toContain(`Netwright ${pkg.version} · electron`);
      const exposed = await window.evaluate(() =>
        Object.keys(window).filter((k) => k === 'netwright' || k === 'require'),
      );
      expect(exposed).toEqual(['netwright']);
      await window.screenshot({ path: path.join(resultsDir, 'electron.png') });
    } finally {
      await app.close();
    }
  });
});

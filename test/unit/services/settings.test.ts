import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../electron/services/settings';
import { apiContract, Settings } from '../../../shared/api';

const freshDir = () => mkdtempSync(path.join(tmpdir(), 'netwright-settings-'));

describe('SettingsStore', () => {
  it('gives the defaults before anything is stored', async () => {
    expect(await new SettingsStore(freshDir()).get()).toEqual({ language: 'system' });
  });

  it('keeps what was set, for the next start', async () => {
    const dir = freshDir();
    expect(await new SettingsStore(dir).set({ language: 'de' })).toEqual({ language: 'de' });
    expect(await new SettingsStore(dir).get()).toEqual({ language: 'de' });
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'de' });
  });

  it('a damaged or foreign settings file gives the defaults, never a failed start', async () => {
    const dir = freshDir();
    for (const text of ['{"language": "de"', '{"language": "klingon"}', '[]', '']) {
      writeFileSync(path.join(dir, 'settings.json'), text);
      expect(await new SettingsStore(dir).get()).toEqual({ language: 'system' });
    }
  });
});

describe('the settings API', () => {
  it('refuses a language Netwright does not speak, and unknown fields', () => {
    expect(apiContract.settingsSet.request.safeParse({ language: 'fr' }).success).toBe(false);
    expect(apiContract.settingsSet.request.safeParse({ language: 'de', theme: 'dark' }).success).toBe(false);
    expect(Settings.parse({})).toEqual({ language: 'system' });
  });
});

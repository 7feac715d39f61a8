import path from 'node:path';
import { Settings } from '../../shared/api';
import { writeFileAtomic } from './files';
import { readJsonFile } from './jsonFile';

/**
 * The user's preferences in <dataDir>/settings.json. A missing or damaged file gives the
 * defaults rather than an error: a preference is never worth a failed start.
 */
export class SettingsStore {
  constructor(private readonly dataDir: string) {}

  private get file() {
    return path.join(this.dataDir, 'settings.json');
  }

  async get(): Promise<Settings> {
    return (await readJsonFile(this.file, Settings)) ?? Settings.parse({});
  }

  async set(settings: Settings): Promise<Settings> {
    await writeFileAtomic(this.file, JSON.stringify(settings));
    return settings;
  }
}

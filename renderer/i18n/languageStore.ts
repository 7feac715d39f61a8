import { create } from 'zustand';
import { errorText, type Settings } from '../../shared/api';
import { getApi } from '../api/transport';
import { useUiStore } from '../store/uiStore';
import { i18n, systemLanguage, uiLanguage } from './i18n';

type LanguageSetting = Settings['language'];

interface LanguageState {
  /** What the user chose: a language, or the system's. */
  setting: LanguageSetting;
  /** Reads the stored setting and applies it; English (the system's) when it cannot be read. */
  load(): Promise<void>;
  /** Applies a choice at once and remembers it; a failure to store it is said, the choice stays. */
  choose(setting: LanguageSetting): Promise<void>;
}

function apply(setting: LanguageSetting): void {
  const language = setting === 'system' ? systemLanguage() : setting;
  void i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export const useLanguageStore = create<LanguageState>((set) => ({
  setting: 'system',
  async load() {
    let setting: LanguageSetting = 'system';
    try {
      setting = (await getApi().invoke('settingsGet', {})).language;
    } catch {
      // The system's language, as on a first start.
    }
    set({ setting });
    apply(setting);
  },
  async choose(setting) {
    set({ setting });
    apply(setting);
    try {
      await getApi().invoke('settingsSet', { language: setting });
    } catch (err) {
      useUiStore.getState().notify(i18n.t('language.saveFailed', { reason: errorText(err, uiLanguage()) }), 'error');
    }
  },
}));

import { LANGUAGES } from '../../shared/i18n';
import { systemLanguage } from './i18n';
import { useLanguageStore } from './languageStore';
import { useText } from './useText';

/** System language, English or Deutsch: applied at once and remembered in the settings. */
export function LanguagePicker() {
  const { t } = useText();
  const setting = useLanguageStore((s) => s.setting);
  const choose = useLanguageStore((s) => s.choose);
  const system = systemLanguage(typeof navigator === 'undefined' ? [] : (navigator.languages ?? []));
  return (
    <select
      className="language-picker"
      aria-label={t('language.label')}
      title={t('language.label')}
      data-testid="language-picker"
      value={setting}
      onChange={(e) => void choose(e.target.value as typeof setting)}
    >
      <option value="system">{t('language.system', { language: t(`language.${system}`) })}</option>
      {LANGUAGES.map((l) => (
        <option key={l} value={l}>
          {t(`language.${l}`)}
        </option>
      ))}
    </select>
  );
}

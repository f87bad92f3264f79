import { LANGS, type Lang } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';

const LANG_KEYS = { zh: 'lang.zh', en: 'lang.en' } as const satisfies Record<Lang, string>;

/** 中文 / English toggle; the choice persists, and notifications and the texts ShopLens draws in pages follow it (see lib/i18n/react.tsx). */
export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.languageSwitch')}>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          className="lang-option"
          data-testid={`lang-${option}`}
          aria-pressed={lang === option}
          lang={option === 'zh' ? 'zh-CN' : 'en'}
          onClick={() => setLang(option)}
        >
          {t(LANG_KEYS[option])}
        </button>
      ))}
    </div>
  );
}

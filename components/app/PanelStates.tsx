/** The panel's states before a capture exists: loading, unsupported page, waiting for figures. */
import { PLATFORMS, type PageKind, type Platform } from '../../lib/capture/schema';
import type { PageAdapter } from '../../lib/adapters/types';
import { pageKindName, platformName } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';

export function LoadingState() {
  const { t } = useI18n();
  return (
    <p className="panel-state panel-note" data-testid="panel-state" data-state="loading">
      {t('state.loading')}
    </p>
  );
}

/** Page kinds each platform's adapters read, platforms in the schema's order. */
export function supportedPages(adapters: readonly PageAdapter[]): { platform: Platform; pageKinds: PageKind[] }[] {
  return PLATFORMS.map((platform) => ({
    platform,
    pageKinds: [...new Set(adapters.filter((a) => a.platform === platform).map((a) => a.pageKind))],
  })).filter((entry) => entry.pageKinds.length > 0);
}

export function UnsupportedState({ adapters }: { adapters: readonly PageAdapter[] }) {
  const { t, lang } = useI18n();
  const supported = supportedPages(adapters);
  return (
    <section className="panel-state panel-note" data-testid="panel-state" data-state="unsupported">
      <h2>{t('state.unsupported.title')}</h2>
      {supported.length === 0 ? (
        <p>{t('state.unsupported.none')}</p>
      ) : (
        <>
          <p>{t('state.unsupported.hint')}</p>
          <ul className="supported-pages" data-testid="supported-pages">
            {supported.map(({ platform, pageKinds }) => (
              <li key={platform} data-platform={platform}>
                <strong>{platformName(platform, lang)}</strong>
                {lang === 'zh' ? '：' : ': '}
                {pageKinds.map((kind) => pageKindName(kind, lang)).join(lang === 'zh' ? '、' : ', ')}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function WaitingState({ adapter }: { adapter: PageAdapter }) {
  const { t, lang } = useI18n();
  const page = `${platformName(adapter.platform, lang)} · ${pageKindName(adapter.pageKind, lang)}`;
  return (
    <section className="panel-state panel-note" data-testid="panel-state" data-state="waiting">
      <h2>{t('state.waiting.title')}</h2>
      <p>{t('state.waiting.body', { page })}</p>
    </section>
  );
}

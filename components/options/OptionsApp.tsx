/**
 * The options page: the language switch, the adapter kill switches, the diagnostics settings,
 * the background refresh of watched listings and the data tools. Storage and the adapter
 * list are parameters so tests pass their own; the extension page uses the registry and
 * `browser.storage.local`.
 */
import { useMemo } from 'react';
import { browser } from 'wxt/browser';
import { ADAPTERS } from '../../lib/adapters/registry';
import type { PageAdapter } from '../../lib/adapters/types';
import { I18nProvider, useI18n } from '../../lib/i18n/react';
import type { StorageAreaLike } from '../../lib/settings/disabled-adapters';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { DiagnosticsSettingsSection } from '../settings/DiagnosticsSettingsSection';
import { BackgroundRefreshSection } from '../settings/BackgroundRefreshSection';
import { AdapterSwitches, watchStorageChanges, type WatchDisabled } from './AdapterSwitches';
import { DataPanel } from '../data/DataPanel';
import '../app/App.css';
import './options.css';

export interface OptionsAppProps {
  adapters?: readonly PageAdapter[];
  area?: StorageAreaLike;
  watch?: WatchDisabled;
}

export function OptionsApp({ adapters = ADAPTERS, area, watch }: OptionsAppProps) {
  const storageArea = useMemo(() => area ?? browser.storage.local, [area]);
  const watchChanges = useMemo(() => watch ?? watchStorageChanges(browser.storage.onChanged), [watch]);
  return (
    <I18nProvider>
      <Options adapters={adapters} area={storageArea} watch={watchChanges} />
    </I18nProvider>
  );
}

function Options({ adapters, area, watch }: { adapters: readonly PageAdapter[]; area: StorageAreaLike; watch: WatchDisabled }) {
  const { t } = useI18n();
  return (
    <div className="app options">
      <header className="app-header">
        <h1 className="app-title">{t('options.title')}</h1>
        <LanguageSwitch />
      </header>
      <main className="app-main">
        <section className="options-section">
          <h2 className="section-heading">{t('options.adapters.heading')}</h2>
          <p className="muted">{t('options.adapters.intro')}</p>
          <p className="muted">{t('options.adapters.reloadHint')}</p>
          <AdapterSwitches adapters={adapters} area={area} watch={watch} />
        </section>
        <DiagnosticsSettingsSection />
        <BackgroundRefreshSection />
        <DataPanel />
      </main>
    </div>
  );
}

/**
 * The options page's diagnostics section: the switch for the badges on backend pages, and one
 * settings form per shop of the operator's (gross margin, daily ad budget, restock lead time,
 * own benchmarks). Shops come from the database (backend pages prove them the operator's) and
 * from the stored settings, so a shop keeps its settings even after its captures were cleared.
 *
 * Stable hooks (data-testid): diagnostics-settings-section, settings-shop (data-shop-key),
 * settings-no-shops, plus those of ShopSettingsForm and OverlaySwitch.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { ownShops } from '../../lib/db/queries';
import { openDb, type EntityRow, type ShopLensDb } from '../../lib/db/schema';
import { platformName } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';
import { settingsForShop } from '../../lib/settings/diagnostics-settings';
import { OverlaySwitch } from './OverlaySwitch';
import { ShopSettingsForm } from './ShopSettingsForm';
import { useDiagnosticsSettings } from './useStoredSettings';

interface ShopEntry {
  key: string;
  name: string;
  platform?: EntityRow['platform'];
}

export function DiagnosticsSettingsSection({ db }: { db?: ShopLensDb }) {
  const { t, lang } = useI18n();
  const database = useMemo(() => db ?? openDb(), [db]);
  const shops = useLiveQuery(() => ownShops(database), [database]);
  const stored = useDiagnosticsSettings();

  const entries: ShopEntry[] = [];
  for (const shop of shops ?? []) entries.push({ key: shop.key, name: shop.name || shop.ref, platform: shop.platform });
  for (const key of Object.keys(stored?.shops ?? {})) {
    if (!entries.some((e) => e.key === key)) entries.push({ key, name: key });
  }

  return (
    <section className="options-section settings" data-testid="diagnostics-settings-section">
      <h2 className="section-heading">{t('settings.heading')}</h2>
      <OverlaySwitch />
      {shops === undefined || stored === undefined ? null : entries.length === 0 ? (
        <p className="muted" data-testid="settings-no-shops">
          {t('settings.noShops')}
        </p>
      ) : (
        entries.map((shop) => (
          <details key={shop.key} className="settings-shop" data-testid="settings-shop" data-shop-key={shop.key}>
            <summary>
              {shop.platform ? `${platformName(shop.platform, lang)} · ` : ''}
              {shop.name}
            </summary>
            <ShopSettingsForm shopKey={shop.key} shopName={shop.name} current={settingsForShop(stored, shop.key)} />
          </details>
        ))
      )}
    </section>
  );
}

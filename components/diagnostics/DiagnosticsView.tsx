/**
 * The side panel's Diagnostics view for the page in view: the engine (lib/diagnostics `analyse`)
 * run on the page's latest capture, the entity's stored history (read live through the
 * `[entityKey+metric+day]` index, so a new capture or a new day re-diagnoses by itself) and the
 * operator's settings for the shop; then the findings, most severe first, with evidence and
 * actions, and the funnel. Below them, the settings that shape the diagnosis.
 *
 * The background runs the same diagnosis (lib/background/page-findings.ts) for the page's badges
 * and the toolbar count, from the same history request and the same settings.
 *
 * Stable hooks (data-testid): diagnostics-view, diagnostics-loading, diagnostics-settings, plus
 * those of Findings, FunnelChart, ShopSettingsForm and OverlaySwitch.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { analyse } from '../../lib/diagnostics';
import { historyRequestOf } from '../../lib/diagnostics/history-request';
import { observationsForDiagnosis } from '../../lib/db/queries';
import type { CaptureRow, ShopLensDb } from '../../lib/db/schema';
import { useI18n } from '../../lib/i18n/react';
import { settingsForShop } from '../../lib/settings/diagnostics-settings';
import { OverlaySwitch } from '../settings/OverlaySwitch';
import { ShopSettingsForm } from '../settings/ShopSettingsForm';
import { useDiagnosticsSettings } from '../settings/useStoredSettings';
import { Findings } from './Findings';

/** `taobao:shop:1001` → true: settings are kept per shop. */
function isShopKey(entityKey: string): boolean {
  return entityKey.split(':')[1] === 'shop';
}

export function DiagnosticsView({ db, row }: { db: ShopLensDb; row: CaptureRow }) {
  const { t } = useI18n();
  const capture = row.capture;
  const entityKey = row.entityKey;
  const history = useLiveQuery(() => observationsForDiagnosis(db, historyRequestOf(capture, entityKey)), [db, capture, entityKey]);
  const stored = useDiagnosticsSettings();
  const shopKey = isShopKey(entityKey) ? entityKey : undefined;
  const shopSettings = stored && shopKey ? settingsForShop(stored, shopKey) : undefined;

  const analysis = useMemo(() => {
    if (history === undefined || stored === undefined) return undefined;
    return analyse({ capture, history, entityKey, ...(shopSettings ? { settings: shopSettings } : {}) });
  }, [capture, history, stored, entityKey, shopSettings]);

  return (
    <div className="diagnostics-view" data-testid="diagnostics-view">
      {analysis ? (
        <Findings findings={analysis.findings} {...(analysis.funnel ? { funnel: analysis.funnel } : {})} />
      ) : (
        <p className="muted" data-testid="diagnostics-loading">
          {t('diagnostics.loading')}
        </p>
      )}
      <details className="settings" data-testid="diagnostics-settings">
        <summary>{t('settings.heading')}</summary>
        {shopKey && stored ? (
          // One form per shop; after a save the diagnosis above updates through the storage change.
          <ShopSettingsForm key={shopKey} shopKey={shopKey} shopName={capture.shop?.name} current={shopSettings} />
        ) : null}
        <OverlaySwitch />
      </details>
    </div>
  );
}

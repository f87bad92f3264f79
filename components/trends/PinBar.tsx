/**
 * Pin the entity in view (and, on a listing, its shop), mark it own or competitor, and edit its
 * alert rules, and mark a pinned listing for the background refresh. Stable hooks: pin-button
 * (aria-pressed, data-pinned), pin-shop-button, watch-role, watch-refresh, watch-rules, watch-error.
 */
import { useState } from 'react';
import type { EntityRow } from '../../lib/db/schema';
import type { Platform } from '../../lib/capture/schema';
import { useI18n } from '../../lib/i18n/react';
import type { PanelMessage } from '../../lib/watch/messages';
import { isRefreshablePage } from '../../lib/watch/refresh';
import type { WatchRole, WatchRow } from '../../lib/watch/types';
import { sendPanelMessage } from './watchActions';
import { WatchRules } from './WatchRules';

export interface PinTarget {
  key: string;
  platform: Platform;
  kind: EntityRow['kind'];
  ref: string;
  name: string;
  url?: string;
}

export function PinBar({
  target,
  watch,
  shop,
  shopWatch,
  refreshEnabled,
}: {
  target: PinTarget;
  watch: WatchRow | undefined;
  shop?: PinTarget;
  shopWatch?: WatchRow | undefined;
  /** The background refresh's global switch (lib/settings/background-refresh.ts). */
  refreshEnabled?: boolean;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);

  const send = async (message: PanelMessage) => {
    const response = await sendPanelMessage(message);
    setError(response.ok ? null : (response.detail ?? response.reason));
  };
  const pin = (entity: PinTarget, pinned: boolean) =>
    void send(pinned ? { type: 'watch:unpin', key: entity.key } : { type: 'watch:pin', ...entity });

  return (
    <div className="pin-bar">
      <div className="pin-actions">
        <button type="button" className="pin-button" data-testid="pin-button" aria-pressed={watch ? 'true' : 'false'} data-pinned={watch ? 'true' : 'false'} onClick={() => pin(target, Boolean(watch))}>
          {watch ? `★ ${t('watch.unpin')}` : `☆ ${t('watch.pin')}`}
        </button>
        {watch ? (
          <label className="watch-role">
            {t('watch.role')}{' '}
            <select
              data-testid="watch-role"
              value={watch.role}
              onChange={(event) => void send({ type: 'watch:update', key: watch.key, role: event.target.value as WatchRole })}
            >
              <option value="unset">{t('watch.role.unset')}</option>
              <option value="own">{t('watch.role.own')}</option>
              <option value="competitor">{t('watch.role.competitor')}</option>
            </select>
          </label>
        ) : null}
        {shop ? (
          <button type="button" className="pin-button" data-testid="pin-shop-button" aria-pressed={shopWatch ? 'true' : 'false'} onClick={() => pin(shop, Boolean(shopWatch))}>
            {shopWatch ? `★ ${t('watch.unpin')}` : `☆ ${t('watch.pinShop', { name: shop.name })}`}
          </button>
        ) : null}
      </div>
      {watch && watch.kind === 'item' && watch.url && isRefreshablePage(watch.url) ? (
        <label className="watch-refresh">
          <input
            type="checkbox"
            data-testid="watch-refresh"
            checked={watch.refresh}
            onChange={(event) => void send({ type: 'watch:update', key: watch.key, refresh: event.currentTarget.checked })}
          />{' '}
          {t('refresh.watch.mark')}
          {watch.refresh && !refreshEnabled ? <span className="trend-note"> {t('refresh.watch.offHint')}</span> : null}
        </label>
      ) : null}
      {error ? (
        <p className="trend-note is-error" data-testid="watch-error" role="alert">
          {t('watch.failed', { detail: error })}
        </p>
      ) : null}
      {watch ? <WatchRules watch={watch} onSave={(rules) => send({ type: 'watch:update', key: watch.key, rules })} /> : null}
    </div>
  );
}

/**
 * The switch for the badges ShopLens draws beside the figures on backend pages
 * (`overlaysEnabled` in browser.storage.local; the content script follows it at once).
 *
 * Stable hook (data-testid): overlay-switch.
 */
import { useI18n } from '../../lib/i18n/react';
import { setOverlaysEnabled, useOverlaysEnabled } from './useStoredSettings';

export function OverlaySwitch() {
  const { t } = useI18n();
  const enabled = useOverlaysEnabled();
  return (
    <label className="settings-switch">
      <input
        type="checkbox"
        data-testid="overlay-switch"
        checked={enabled ?? true}
        disabled={enabled === undefined}
        onChange={(event) => {
          void setOverlaysEnabled(event.currentTarget.checked).catch((error: unknown) => console.warn('ShopLens: overlay setting not saved', error));
        }}
      />{' '}
      {t('settings.overlays')}
    </label>
  );
}

/**
 * The switch for the badges ShopLens draws beside the figures on backend pages
 * (`overlaysEnabled` in browser.storage.local; the content script follows it at once).
 *
 * Stable hook (data-testid): overlay-switch.
 */
import { useState } from 'react';
import { useI18n } from '../../lib/i18n/react';
import { setOverlaysEnabled, useOverlaysEnabled } from './useStoredSettings';

export function OverlaySwitch() {
  const { t } = useI18n();
  const stored = useOverlaysEnabled();
  // The box follows a click at once; storage (and every other page's switch) catches up a
  // moment later through storage.onChanged.
  const [clicked, setClicked] = useState<{ value: boolean; over: boolean | undefined }>();
  const enabled = clicked && clicked.over === stored ? clicked.value : stored;
  return (
    <label className="settings-switch">
      <input
        type="checkbox"
        data-testid="overlay-switch"
        checked={enabled ?? true}
        disabled={enabled === undefined}
        onChange={(event) => {
          setClicked({ value: event.currentTarget.checked, over: stored });
          void setOverlaysEnabled(event.currentTarget.checked).catch((error: unknown) => {
            setClicked(undefined); // not saved: show what is stored
            console.warn('ShopLens: overlay setting not saved', error);
          });
        }}
      />{' '}
      {t('settings.overlays')}
    </label>
  );
}

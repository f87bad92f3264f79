/**
 * "The disk is full" where the operator is looking: the background records each capture it could
 * not store for lack of space (lib/db/retention.ts STORAGE_FULL_KEY; nothing is half-written), and
 * this notice shows it in the side panel and the options page until space is freed (retention
 * clears it). Follows storage changes, so it appears while the panel is open.
 *
 * Stable hook for tests (data-testid): storage-full.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { readStorageFull, STORAGE_FULL_KEY, type StorageFullRecord } from '../../lib/db/retention';
import { formatDateTime } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/react';
import './data.css';

export function useStorageFull(): StorageFullRecord | undefined {
  const [record, setRecord] = useState<StorageFullRecord | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const read = () =>
      void readStorageFull()
        .then((value) => live && setRecord(value))
        .catch(() => undefined);
    const listener = (changes: Record<string, unknown>, areaName: string) => {
      if (areaName === 'local' && STORAGE_FULL_KEY in changes) read();
    };
    read();
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
  }, []);
  return record;
}

export function StorageFullNotice() {
  const { t } = useI18n();
  const full = useStorageFull();
  if (!full) return null;
  return (
    <p className="data-alert" role="alert" data-testid="storage-full">
      {t('data.storage.full', { time: formatDateTime(full.at), count: full.count })}
    </p>
  );
}

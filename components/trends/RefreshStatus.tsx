/**
 * The background refresh's state in the side panel, above the alerts: when risk control stopped
 * it, a banner says when, where and why, and how to resume (the operator also got a
 * notification); while it runs, one line says so and what it refreshed last. Nothing while it is
 * off: it is off by default and explained in the options.
 *
 * Stable hooks (data-testid): refresh-status (data-state: stopped | on), refresh-open-options.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import type { ShopLensDb } from '../../lib/db/schema';
import { formatDateTime } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/react';
import { readRefreshSettings, readRefreshStatus } from '../../lib/settings/background-refresh';
import { describeRefreshStop, outcomeName } from '../../lib/watch/refresh-text';

export function RefreshStatus({ db }: { db: ShopLensDb }) {
  const { t, lang } = useI18n();
  const data = useLiveQuery(async () => {
    const [settings, status] = await Promise.all([readRefreshSettings(db), readRefreshStatus(db)]);
    return { settings, status };
  }, [db]);
  if (!data) return null;
  const { settings, status } = data;
  if (settings.stopped) {
    const text = describeRefreshStop(settings.stopped, lang);
    return (
      <div className="refresh-status is-stopped" role="alert" data-testid="refresh-status" data-state="stopped" data-kind={settings.stopped.kind}>
        <strong>{text.title}</strong>
        <p>{text.body}</p>
        <button type="button" data-testid="refresh-open-options" onClick={() => void browser.runtime.openOptionsPage().catch(() => undefined)}>
          {t('refresh.resume')}
        </button>
      </div>
    );
  }
  if (!settings.enabled) return null;
  return (
    <p className="refresh-status trend-note" data-testid="refresh-status" data-state="on">
      {t('refresh.state.on')}
      {status.lastPageAt && status.lastUrl
        ? ` · ${t('refresh.state.last', {
            time: formatDateTime(status.lastPageAt),
            url: status.lastUrl,
            outcome: status.lastOutcome ? outcomeName(status.lastOutcome, lang) : '…',
          })}`
        : null}
    </p>
  );
}

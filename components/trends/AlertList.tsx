/**
 * The alerts the watch rules raised, newest first, unseen ones marked. Stable hooks:
 * alert-list (data-unseen), alert (data-seen, data-type, data-watch), alerts-mark-seen,
 * alerts-clear, alerts-none; the background refresh's state above them (RefreshStatus.tsx).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { recentAlerts, unseenAlertCount } from '../../lib/db/queries';
import type { ShopLensDb } from '../../lib/db/schema';
import { formatDateTime } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/react';
import { describeAlert } from '../../lib/watch/describe';
import { sendPanelMessage } from './watchActions';
import { RefreshStatus } from './RefreshStatus';

/** How many alerts the list shows (the newest). */
export const ALERT_LIST_LIMIT = 50;

export function AlertList({ db }: { db: ShopLensDb }) {
  const { t, lang } = useI18n();
  const data = useLiveQuery(async () => {
    const [alerts, unseen] = await Promise.all([recentAlerts(db, ALERT_LIST_LIMIT), unseenAlertCount(db)]);
    return { alerts, unseen };
  }, [db]);
  if (!data) return null;
  const { alerts, unseen } = data;
  return (
    <section className="alert-list" data-testid="alert-list" data-unseen={unseen}>
      <h2 className="section-heading">
        {t('alerts.heading')}
        {unseen > 0 ? <span className="alert-unseen"> · {t('alerts.unseen', { count: unseen })}</span> : null}
      </h2>
      <RefreshStatus db={db} />
      {alerts.length === 0 ? (
        <p className="trend-note" data-testid="alerts-none">
          {t('alerts.none')}
        </p>
      ) : (
        <>
          <ul>
            {alerts.map((row) => {
              const text = describeAlert(row, lang);
              return (
                <li key={row.id} className={row.seen ? 'alert' : 'alert is-unseen'} data-testid="alert" data-seen={row.seen ? 'true' : 'false'} data-type={row.alert.type} data-watch={row.watchKey}>
                  <strong>{text.title}</strong> <span>{text.body}</span>{' '}
                  <time dateTime={row.at}>{formatDateTime(row.at)}</time>
                </li>
              );
            })}
          </ul>
          <div className="alert-actions">
            {unseen > 0 ? (
              <button type="button" data-testid="alerts-mark-seen" onClick={() => void sendPanelMessage({ type: 'alerts:seen' })}>
                {t('alerts.markSeen')}
              </button>
            ) : null}
            <button type="button" data-testid="alerts-clear" onClick={() => void sendPanelMessage({ type: 'alerts:clear' })}>
              {t('alerts.clear')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** This entity's earlier snapshots, newest first: when, which period, and a few key values. */
import type { Capture } from '../../lib/capture/schema';
import type { CaptureRow } from '../../lib/db/schema';
import { formatDateTime, formatPeriod } from '../../lib/i18n/format';
import { pageKindName } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';
import { keyValues } from './keyValues';
import './history.css';

export function HistoryList({ earlier, current }: { earlier: readonly CaptureRow[]; current: Capture }) {
  const { t, lang } = useI18n();
  return (
    <section className="history">
      <h2 className="section-heading">{t('history.heading')}</h2>
      {earlier.length === 0 ? (
        <p className="muted" data-testid="history-empty">
          {t('history.none')}
        </p>
      ) : (
        <ol className="history-list" data-testid="history-list">
          {earlier.map((row) => {
            const values = keyValues(row.capture, current, lang);
            return (
              <li key={row.id} className="history-row" data-testid="history-row" data-captured-at={row.capturedAt}>
                <div className="history-when">
                  <time dateTime={row.capturedAt}>{formatDateTime(row.capturedAt)}</time>
                  {row.capture.period ? (
                    <span className="history-period">{formatPeriod(row.capture.period, lang)}</span>
                  ) : null}
                  {row.capture.pageKind !== current.pageKind ? (
                    <span className="history-page">{pageKindName(row.capture.pageKind, lang)}</span>
                  ) : null}
                </div>
                {values.length === 0 ? (
                  <p className="muted">{t('history.noValues')}</p>
                ) : (
                  <ul className="history-values">
                    {values.map((value) => (
                      <li key={value.metric} data-metric={value.metric}>
                        <span className="history-name">{value.name}</span>{' '}
                        <span className="history-value" data-testid="history-value">
                          {value.text}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

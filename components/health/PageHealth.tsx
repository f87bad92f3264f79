/**
 * The page-health view: which adapter read this page, which fields it read, which it expected
 * but could not read and since when (across the stored captures of the same page). Collapsed
 * when everything was read, open when something is missing. All page text (the adapter's
 * problem descriptions) is rendered as React text, never as HTML.
 *
 * Stable hooks for tests (data-testid): page-health (data-missing = count), health-adapter,
 * health-found, health-found-field (data-field), health-missing, health-missing-field
 * (data-field, data-since, data-captures), health-all-found.
 */
import type { CaptureRow } from '../../lib/db/schema';
import { pageHealth } from '../../lib/health/page-health';
import type { Lang } from '../../lib/i18n';
import { formatDateTime } from '../../lib/i18n/format';
import { issueFieldName, issueText } from '../../lib/i18n/issue-text';
import { useI18n } from '../../lib/i18n/react';
import './health.css';

function Field({ field, lang }: { field: string; lang: Lang }) {
  // `metrics.payAmount` → 支付金额 / Sales amount, `listing.price` → 价格, when the field is known.
  const name = issueFieldName(field, lang);
  return (
    <>
      {name ? <span className="health-field-name">{name}</span> : null} <code className="health-field">{field}</code>
    </>
  );
}

/** The adapter's reason in the operator's language; the sentence as the adapter wrote it stays on hover. */
function Problem({ problem, lang }: { problem: string; lang: Lang }) {
  const text = issueText(problem, lang);
  return (
    <div className="health-problem" title={text === problem ? undefined : problem}>
      {text}
    </div>
  );
}

/** `captures`: the page's stored captures, newest first (lib/db/queries.ts capturesOfPage). */
export function PageHealth({ captures }: { captures: readonly CaptureRow[] }) {
  const { t, lang } = useI18n();
  const report = pageHealth(captures.map((row) => row.capture));
  if (!report) return null;
  return (
    <details className="health" data-testid="page-health" data-missing={report.missing.length} open={report.missing.length > 0}>
      <summary className="health-summary">
        <span className="section-heading">{t('health.heading')}</span>{' '}
        <span className="muted">{t('health.summary', { found: report.found.length, missing: report.missing.length })}</span>
      </summary>
      <p className="health-adapter" data-testid="health-adapter">
        {t('health.adapter', { id: report.adapter.id, version: report.adapter.version })} ·{' '}
        <time dateTime={report.capturedAt}>{t('capture.readAt', { time: formatDateTime(report.capturedAt) })}</time>
      </p>

      <h3 className="health-subheading">{t('health.missing', { count: report.missing.length })}</h3>
      {report.missing.length === 0 ? (
        <p className="muted" data-testid="health-all-found">
          {t('health.allFound')}
        </p>
      ) : (
        <ul className="health-list" data-testid="health-missing">
          {report.missing.map((missing) => (
            <li
              key={missing.field}
              className="health-missing"
              data-testid="health-missing-field"
              data-field={missing.field}
              data-since={missing.since}
              data-captures={missing.captures}
            >
              <div>
                <Field field={missing.field} lang={lang} />
              </div>
              <Problem problem={missing.problem} lang={lang} />
              <div className="health-since">
                {missing.atLeast
                  ? t('health.missingAtLeastSince', { count: missing.captures, time: formatDateTime(missing.since) })
                  : t('health.missingSince', { count: missing.captures, time: formatDateTime(missing.since) })}
                {missing.lastReadAt ? <> · {t('health.lastRead', { time: formatDateTime(missing.lastReadAt) })}</> : null}
              </div>
            </li>
          ))}
        </ul>
      )}

      <h3 className="health-subheading">{t('health.found', { count: report.found.length })}</h3>
      {report.found.length === 0 ? (
        <p className="muted">{t('health.foundNone')}</p>
      ) : (
        <ul className="health-list health-found" data-testid="health-found">
          {report.found.map((field) => (
            <li key={field} data-testid="health-found-field" data-field={field}>
              <Field field={field} lang={lang} />
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

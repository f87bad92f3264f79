/**
 * The options page's background refresh section: what it does and its limits, in the operator's
 * language (one page at a time, a minute apart at least, nothing at night, stop at the first sign
 * of risk control, public listing pages only), the switch (off by default), the pace, the stop
 * with its reason when risk control was met, the last page it refreshed, and the watched
 * listings it may refresh, each with its own mark.
 *
 * The settings live in the database (lib/settings/background-refresh.ts); this page reads them
 * live and changes them through the background (the only writer), like the panel's watch
 * actions.
 *
 * Stable hooks (data-testid): background-refresh-section, refresh-switch (checked, disabled
 * while loading), refresh-minutes, refresh-hours, refresh-save, refresh-stopped (data-kind),
 * refresh-resume, refresh-last (data-outcome), refresh-watch (data-key, data-marked),
 * refresh-watches-none.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { openDb, type ShopLensDb, type WatchRow } from '../../lib/db/schema';
import { formatDateTime } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/react';
import { HOURS_PER_PAGE, MINUTES_BETWEEN_PAGES, QUIET_HOURS, readRefreshSettings, readRefreshStatus } from '../../lib/settings/background-refresh';
import { isRefreshablePage } from '../../lib/watch/refresh';
import { describeRefreshStop, outcomeName } from '../../lib/watch/refresh-text';
import type { PanelMessage } from '../../lib/watch/messages';
import { sendPanelMessage } from '../trends/watchActions';
import './settings.css';

/** A whole number within bounds from a text field, or undefined. */
export function wholeNumberIn(text: string, bounds: { min: number; max: number }): number | undefined {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= bounds.min && value <= bounds.max ? value : undefined;
}

/** Watched listings the refresh may open (public listing pages), sorted by name. */
function refreshableWatches(watches: readonly WatchRow[]): WatchRow[] {
  return watches.filter((watch) => watch.kind === 'item' && watch.url !== undefined && isRefreshablePage(watch.url)).sort((a, b) => a.name.localeCompare(b.name));
}

export function BackgroundRefreshSection({ db }: { db?: ShopLensDb }) {
  const { t, lang } = useI18n();
  const database = useMemo(() => db ?? openDb(), [db]);
  const data = useLiveQuery(async () => {
    const [settings, status, watches] = await Promise.all([readRefreshSettings(database), readRefreshStatus(database), database.watches.where('kind').equals('item').toArray()]);
    return { settings, status, watches: refreshableWatches(watches) };
  }, [database]);
  const [minutes, setMinutes] = useState('');
  const [hours, setHours] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (!data) return;
    setMinutes(String(data.settings.minutesBetweenPages));
    setHours(String(data.settings.hoursPerPage));
  }, [data?.settings.minutesBetweenPages, data?.settings.hoursPerPage]);

  const send = async (message: PanelMessage) => {
    const response = await sendPanelMessage(message);
    setError(response.ok ? null : (response.detail ?? response.reason));
    return response.ok;
  };

  const settings = data?.settings;
  const minutesValue = wholeNumberIn(minutes, MINUTES_BETWEEN_PAGES);
  const hoursValue = wholeNumberIn(hours, HOURS_PER_PAGE);
  const stopped = settings?.stopped ? describeRefreshStop(settings.stopped, lang) : undefined;
  const status = data?.status;

  return (
    <section className="options-section settings" data-testid="background-refresh-section">
      <h2 className="section-heading">{t('refresh.heading')}</h2>
      <p>{t('refresh.explain')}</p>
      <ul className="refresh-rules">
        <li>{t('refresh.rule.pace')}</li>
        <li>{t('refresh.rule.night', { from: String(QUIET_HOURS.from).padStart(2, '0'), until: String(QUIET_HOURS.until).padStart(2, '0') })}</li>
        <li>{t('refresh.rule.risk')}</li>
        <li>{t('refresh.rule.scope')}</li>
        <li>{t('refresh.rule.account')}</li>
      </ul>

      {stopped && settings?.stopped ? (
        <div className="refresh-stopped" role="alert" data-testid="refresh-stopped" data-kind={settings.stopped.kind}>
          <strong>{stopped.title}</strong>
          <p>{stopped.body}</p>
          <button type="button" data-testid="refresh-resume" onClick={() => void send({ type: 'refresh:settings', enabled: true })}>
            {t('refresh.resume')}
          </button>
        </div>
      ) : null}

      <label className="settings-switch">
        <input
          type="checkbox"
          data-testid="refresh-switch"
          checked={settings?.enabled ?? false}
          disabled={settings === undefined}
          onChange={(event) => void send({ type: 'refresh:settings', enabled: event.currentTarget.checked })}
        />{' '}
        {t('refresh.switch')}
      </label>

      <div className="settings-field">
        <label htmlFor="refresh-minutes">{t('refresh.minutesBetweenPages')}</label>
        <input
          id="refresh-minutes"
          data-testid="refresh-minutes"
          inputMode="numeric"
          value={minutes}
          aria-invalid={minutesValue === undefined ? 'true' : 'false'}
          onChange={(event) => {
            setSaved(false);
            setMinutes(event.target.value);
          }}
        />
      </div>
      <div className="settings-field">
        <label htmlFor="refresh-hours">{t('refresh.hoursPerPage')}</label>
        <input
          id="refresh-hours"
          data-testid="refresh-hours"
          inputMode="numeric"
          value={hours}
          aria-invalid={hoursValue === undefined ? 'true' : 'false'}
          onChange={(event) => {
            setSaved(false);
            setHours(event.target.value);
          }}
        />
      </div>
      <div>
        <button
          type="button"
          data-testid="refresh-save"
          disabled={minutesValue === undefined || hoursValue === undefined || settings === undefined}
          onClick={() =>
            void send({ type: 'refresh:settings', minutesBetweenPages: minutesValue!, hoursPerPage: hoursValue! }).then((ok) => setSaved(ok))
          }
        >
          {t('refresh.save')}
        </button>
        {saved ? <span className="trend-note"> {t('watch.saved')}</span> : null}
      </div>
      {error ? (
        <p className="trend-note is-error" role="alert">
          {t('watch.failed', { detail: error })}
        </p>
      ) : null}

      {status?.lastPageAt && status.lastUrl ? (
        <p className="muted" data-testid="refresh-last" data-outcome={status.lastOutcome ?? ''}>
          {t('refresh.state.last', {
            time: formatDateTime(status.lastPageAt),
            url: status.lastUrl,
            outcome: status.lastOutcome ? outcomeName(status.lastOutcome, lang) : '…',
          })}
        </p>
      ) : null}

      <h3 className="section-heading">{t('refresh.watches')}</h3>
      {data === undefined ? null : data.watches.length === 0 ? (
        <p className="muted" data-testid="refresh-watches-none">
          {t('refresh.watches.none')}
        </p>
      ) : (
        <ul className="refresh-watches">
          {data.watches.map((watch) => (
            <li key={watch.key} data-testid="refresh-watch" data-key={watch.key} data-marked={watch.refresh ? 'true' : 'false'}>
              <label>
                <input type="checkbox" checked={watch.refresh} onChange={(event) => void send({ type: 'watch:update', key: watch.key, refresh: event.currentTarget.checked })} />{' '}
                {watch.name || watch.ref}
              </label>{' '}
              {watch.lastRefreshAt ? <time className="muted" dateTime={watch.lastRefreshAt}>{formatDateTime(watch.lastRefreshAt)}</time> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

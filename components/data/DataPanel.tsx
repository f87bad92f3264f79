/**
 * The data page of the options: storage used, export of the whole history (filters, columns,
 * header language; CSV or JSON), a full backup, restore (merge or replace, with progress and a
 * precise reason when a file is refused), how long raw captures are kept, and rebuilding the
 * figure history from stored captures.
 *
 * Reading (counts, export, backup) happens here, straight from the database; everything that
 * writes (restore, retention, rebuild) is asked of the background over the data port, which is
 * the only writer. Files are saved with a Blob and an `<a download>` link: no `downloads`
 * permission, nothing leaves the browser.
 *
 * Stable hooks for tests (data-testid): data-panel, storage-used, storage-counts, storage-full,
 * export-platform, export-entity, export-metric, export-from, export-to, export-column
 * (data-column), export-header-lang, export-csv, export-json, export-status, backup-download,
 * backup-progress, backup-status, restore-file, restore-mode-merge, restore-mode-replace,
 * restore-replace-confirm, restore-start, restore-progress, restore-status (data-outcome = done |
 * refused), retention-days, retention-forever, retention-save, retention-status, rederive-start,
 * rederive-progress, rederive-status.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { PLATFORMS, type Platform } from '../../lib/capture/schema';
import { connectToBackground, requestData, restoreThroughBackground, type ConnectDataPort, type FinalReply, type ProgressReport } from '../../lib/background/data-client';
import { backupFileName, backupJson, createBackup, parseBackupText, type RestoreError, type RestoreProblem } from '../../lib/db/backup';
import {
  DEFAULT_CAPTURE_DAYS,
  MAX_CAPTURE_DAYS,
  MIN_CAPTURE_DAYS,
  readRetention,
  storageUse,
  tableCounts,
  type StorageUse,
} from '../../lib/db/retention';
import { openDb, type EntityRow, type ShopLensDb } from '../../lib/db/schema';
import { CSV_MIME, downloadText, JSON_MIME } from '../../lib/export/download';
import { HISTORY_COLUMNS, historyTable, type HistoryFilter } from '../../lib/export/history';
import { defaultColumnIds, exportFileName, tableToCsv, tableToJsonText } from '../../lib/export/table';
import { LANGS, metricName, platformName, type Lang } from '../../lib/i18n';
import { useI18n, type I18n } from '../../lib/i18n/react';
import { METRIC_DEFINITIONS } from '../../lib/metrics';
import { StorageFullNotice } from './StorageFullNotice';
import './data.css';

export type Download = (text: string, fileName: string, mime: string) => void;

export interface DataPanelProps {
  /** The database to read; the extension's own by default. */
  db?: ShopLensDb;
  /** Opens the data port to the background (tests connect it to a handler directly). */
  connect?: ConnectDataPort;
  /** Storage estimate (navigator.storage by default). */
  estimate?: () => Promise<StorageUse | undefined>;
  /** Saves a file (Blob + `<a download>` by default). */
  download?: Download;
  now?: () => Date;
}

const LANG_KEYS = { zh: 'lang.zh', en: 'lang.en' } as const satisfies Record<Lang, string>;
const KIND_KEYS = { shop: 'export.kind.shop', item: 'export.kind.item', keyword: 'export.kind.keyword' } as const;

/** Bytes for people: 512 KB, 12.3 MB, 1 GB (units read the same in Chinese and English). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : Number(value.toFixed(value < 100 ? 1 : 0))} ${units[unit]}`;
}

function readFileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the file'));
    reader.readAsText(file);
  });
}

/** zod's finding in the panel's language (its own words are English only). */
function problemText(problem: RestoreProblem, t: I18n['t']): string {
  switch (problem.code) {
    case 'invalid_type':
      return t('data.restoreProblem.invalidType', { expected: problem.expected ?? '?' });
    case 'too_big':
      return t('data.restoreProblem.tooBig');
    case 'too_small':
      return t('data.restoreProblem.tooSmall');
    case 'invalid_format':
      return t('data.restoreProblem.invalidFormat');
    case 'invalid_value':
      return t('data.restoreProblem.invalidValue');
    case 'unrecognized_keys':
      return t('data.restoreProblem.unrecognizedKeys');
    case 'invalid_union':
      return t('data.restoreProblem.invalidUnion');
  }
}

/** The operator-facing sentence for a refused backup. */
export function restoreErrorText(error: RestoreError, t: I18n['t']): string {
  const detail = error.problem ? problemText(error.problem, t) : error.message;
  switch (error.kind) {
    case 'format':
      return t('data.restoreError.format', { detail });
    case 'version':
      return t('data.restoreError.version', { detail });
    case 'unknown-table':
      return t('data.restoreError.unknownTable', { table: error.table ?? '' });
    case 'record':
      return t('data.restoreError.record', {
        table: error.table ?? '',
        position: (error.index ?? 0) + 1,
        key: error.key ?? '?',
        path: error.path ?? '',
        detail,
      });
    case 'duplicate':
      return t('data.restoreError.duplicate', { table: error.table ?? '', position: (error.index ?? 0) + 1, key: error.key ?? '?' });
    case 'quota':
      return t('data.restoreError.quota');
    case 'write':
      return t('data.restoreError.write', { detail });
  }
}

/** The sentence for a refusal that is not about the backup's content. */
function refusalText(reply: Extract<FinalReply, { type: 'refused' }>, t: I18n['t']): string {
  if (reply.error) return restoreErrorText(reply.error, t);
  if (reply.reason === 'quota') return t('data.error.quota');
  if (reply.reason === 'failed') return t('data.error.unreachable', { detail: reply.detail ?? reply.reason });
  return t('data.error.refused', { detail: reply.detail ? `${reply.reason}: ${reply.detail}` : reply.reason });
}

/** Progress of a backup being read here, or of what the background reports. */
type ShownProgress = ProgressReport | { phase: 'read'; done: number; total: number };

function ProgressLine({ progress, testId }: { progress: ShownProgress | undefined; testId: string }) {
  const { t } = useI18n();
  if (!progress) return null;
  const params = { done: progress.done, total: progress.total };
  const text =
    progress.phase === 'read'
      ? t('data.backup.reading', params)
      : progress.phase === 'validate'
        ? t('data.restore.validating', params)
        : progress.phase === 'write'
          ? t('data.restore.writing', params)
          : t('data.rederive.progress', params);
  return (
    <div className="data-progress" data-testid={testId}>
      <progress value={progress.done} max={Math.max(progress.total, 1)} />
      <span>{text}</span>
    </div>
  );
}

function Status({ testId, outcome, children }: { testId: string; outcome?: 'done' | 'refused'; children: ReactNode }) {
  return (
    <p className={outcome === 'refused' ? 'data-status data-status-refused' : 'data-status'} data-testid={testId} data-outcome={outcome} role="status">
      {children}
    </p>
  );
}

export function DataPanel({ db, connect = connectToBackground, estimate = storageUse, download = downloadText, now = () => new Date() }: DataPanelProps) {
  const database = useMemo(() => db ?? openDb(), [db]);
  const { t } = useI18n();
  const [refreshKey, setRefreshKey] = useState(0);
  const refresh = useCallback(() => setRefreshKey((key) => key + 1), []);
  return (
    <section className="data-panel" data-testid="data-panel">
      <h2 className="section-heading">{t('data.heading')}</h2>
      <p className="muted">{t('data.intro')}</p>
      <StorageSection db={database} estimate={estimate} refreshKey={refreshKey} />
      <ExportSection db={database} download={download} now={now} />
      <BackupSection db={database} connect={connect} download={download} now={now} onWritten={refresh} />
      <RetentionSection connect={connect} onWritten={refresh} />
      <RederiveSection connect={connect} />
    </section>
  );
}

function StorageSection({ db, estimate, refreshKey }: { db: ShopLensDb; estimate: () => Promise<StorageUse | undefined>; refreshKey: number }) {
  const { t } = useI18n();
  const counts = useLiveQuery(() => tableCounts(db), [db]);
  const [use, setUse] = useState<StorageUse | undefined | null>(null);
  useEffect(() => {
    let live = true;
    void estimate().then((value) => live && setUse(value));
    return () => {
      live = false;
    };
  }, [estimate, refreshKey]);
  return (
    <div className="data-section">
      <h3 className="data-heading">{t('data.storage.heading')}</h3>
      <StorageFullNotice />
      {use === null ? null : (
        <p data-testid="storage-used">{use ? t('data.storage.used', { used: formatBytes(use.usage) }) : t('data.storage.unknown')}</p>
      )}
      {counts ? (
        <p className="muted" data-testid="storage-counts">
          {t('data.storage.counts', { captures: counts.captures, observations: counts.observations, entities: counts.entities })}
        </p>
      ) : null}
    </div>
  );
}

function entityLabel(entity: EntityRow, t: I18n['t']): string {
  return `${entity.name || entity.ref} · ${t(KIND_KEYS[entity.kind])}`;
}

function ExportSection({ db, download, now }: { db: ShopLensDb; download: Download; now: () => Date }) {
  const { t, lang } = useI18n();
  const entities = useLiveQuery(() => db.entities.orderBy('lastSeen').reverse().toArray(), [db]) ?? [];
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [entityKey, setEntityKey] = useState('');
  const [metric, setMetric] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [columns, setColumns] = useState<ReadonlySet<string>>(() => new Set(defaultColumnIds(HISTORY_COLUMNS)));
  const [headerLang, setHeaderLang] = useState<Lang>('zh');
  const [status, setStatus] = useState<string | undefined>(undefined);

  const shownEntities = platform ? entities.filter((entity) => entity.platform === platform) : entities;

  const toggleColumn = (id: string) =>
    setColumns((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const run = async (format: 'csv' | 'json') => {
    if (columns.size === 0) {
      setStatus(t('data.export.noColumns'));
      return;
    }
    const filter: HistoryFilter = {
      ...(platform ? { platforms: [platform] } : {}),
      ...(entityKey ? { entityKeys: [entityKey] } : {}),
      ...(metric ? { metrics: [metric] } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
    const table = await historyTable(db, filter);
    if (table.rows.length === 0) {
      setStatus(t('data.export.empty'));
      return;
    }
    const columnIds = HISTORY_COLUMNS.filter((column) => columns.has(column.id)).map((column) => column.id);
    const at = now();
    if (format === 'csv') download(tableToCsv(table, { lang: headerLang, columnIds }), exportFileName(table.name, 'csv', at), CSV_MIME);
    else download(tableToJsonText(table, { columnIds, now: at }), exportFileName(table.name, 'json', at), JSON_MIME);
    setStatus(t('data.export.done', { count: table.rows.length }));
  };

  return (
    <div className="data-section">
      <h3 className="data-heading">{t('data.export.heading')}</h3>
      <p className="muted">{t('data.export.intro')}</p>
      <div className="data-filters">
        <label>
          <span className="field-label">{t('data.export.platform')}</span>
          <select data-testid="export-platform" value={platform} onChange={(event) => {
            setPlatform(event.target.value as Platform | '');
            setEntityKey('');
          }}>
            <option value="">{t('data.export.all')}</option>
            {PLATFORMS.map((option) => (
              <option key={option} value={option}>
                {platformName(option, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t('data.export.entity')}</span>
          <select data-testid="export-entity" value={entityKey} onChange={(event) => setEntityKey(event.target.value)}>
            <option value="">{t('data.export.all')}</option>
            {shownEntities.map((entity) => (
              <option key={entity.key} value={entity.key}>
                {entityLabel(entity, t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t('data.export.metric')}</span>
          <select data-testid="export-metric" value={metric} onChange={(event) => setMetric(event.target.value)}>
            <option value="">{t('data.export.all')}</option>
            {METRIC_DEFINITIONS.map((definition) => (
              <option key={definition.id} value={definition.id}>
                {metricName(definition.id, lang) ?? definition.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t('data.export.from')}</span>
          <input type="date" data-testid="export-from" value={from} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          <span className="field-label">{t('data.export.to')}</span>
          <input type="date" data-testid="export-to" value={to} onChange={(event) => setTo(event.target.value)} />
        </label>
      </div>
      <fieldset className="data-columns">
        <legend className="field-label">{t('data.export.columns')}</legend>
        {HISTORY_COLUMNS.map((column) => (
          <label key={column.id} className="data-choice">
            <input type="checkbox" data-testid="export-column" data-column={column.id} checked={columns.has(column.id)} onChange={() => toggleColumn(column.id)} />
            {t(column.header)}
          </label>
        ))}
      </fieldset>
      <label className="data-choice">
        <span className="field-label">{t('data.export.headerLang')}</span>
        <select data-testid="export-header-lang" value={headerLang} onChange={(event) => setHeaderLang(event.target.value as Lang)}>
          {LANGS.map((option) => (
            <option key={option} value={option}>
              {t(LANG_KEYS[option])}
            </option>
          ))}
        </select>
      </label>
      <div className="data-actions">
        <button type="button" data-testid="export-csv" onClick={() => void run('csv')}>
          {t('data.export.csv')}
        </button>
        <button type="button" data-testid="export-json" onClick={() => void run('json')}>
          {t('data.export.json')}
        </button>
      </div>
      {status ? <Status testId="export-status">{status}</Status> : null}
    </div>
  );
}

function BackupSection({
  db,
  connect,
  download,
  now,
  onWritten,
}: {
  db: ShopLensDb;
  connect: ConnectDataPort;
  download: Download;
  now: () => Date;
  onWritten: () => void;
}) {
  const { t } = useI18n();
  const [backupStatus, setBackupStatus] = useState<string | undefined>(undefined);
  const [reading, setReading] = useState<ShownProgress | undefined>(undefined);
  const [file, setFile] = useState<File | undefined>(undefined);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ProgressReport | undefined>(undefined);
  const [result, setResult] = useState<{ outcome: 'done' | 'refused'; text: string } | undefined>(undefined);

  const takeBackup = async () => {
    setBackupStatus(undefined);
    try {
      const backup = await createBackup(db, { now: now(), onProgress: (progress) => setReading({ phase: 'read', done: progress.done, total: progress.total }) });
      const count = Object.values(backup.tables).reduce((sum, rows) => sum + rows.length, 0);
      download(backupJson(backup), backupFileName(backup), JSON_MIME);
      setBackupStatus(t('data.backup.done', { count }));
    } finally {
      setReading(undefined);
    }
  };

  const restore = async () => {
    if (!file) return;
    setBusy(true);
    setResult(undefined);
    setProgress(undefined);
    try {
      const parsed = parseBackupText(await readFileText(file));
      const reply = parsed.ok
        ? await restoreThroughBackground(parsed.value, mode, setProgress, connect)
        : ({ type: 'refused', reason: 'restore-refused', error: parsed.error } as const);
      if (reply.type === 'done' && reply.result.kind === 'restore') {
        const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);
        setResult({ outcome: 'done', text: t('data.restore.done', { added: sum(reply.result.added), skipped: sum(reply.result.skipped) }) });
      } else if (reply.type === 'refused') {
        setResult({ outcome: 'refused', text: `${refusalText(reply, t)} ${t('data.restore.unchanged')}` });
      }
    } catch (error) {
      setResult({ outcome: 'refused', text: t('data.error.unreachable', { detail: error instanceof Error ? error.message : String(error) }) });
    } finally {
      setBusy(false);
      setProgress(undefined);
      onWritten();
    }
  };

  const canRestore = file !== undefined && !busy && (mode === 'merge' || confirmed);
  return (
    <div className="data-section">
      <h3 className="data-heading">{t('data.backup.heading')}</h3>
      <div className="data-actions">
        <button type="button" data-testid="backup-download" onClick={() => void takeBackup()}>
          {t('data.backup.download')}
        </button>
      </div>
      <ProgressLine progress={reading} testId="backup-progress" />
      {backupStatus ? <Status testId="backup-status">{backupStatus}</Status> : null}
      <label className="data-choice">
        <span className="field-label">{t('data.restore.file')}</span>
        <input type="file" accept="application/json,.json" data-testid="restore-file" onChange={(event) => setFile(event.target.files?.[0])} />
      </label>
      <fieldset className="data-mode">
        <legend className="field-label">{t('data.restore.mode')}</legend>
        <label className="data-choice">
          <input type="radio" name="restore-mode" data-testid="restore-mode-merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          {t('data.restore.merge')}
        </label>
        <label className="data-choice">
          <input
            type="radio"
            name="restore-mode"
            data-testid="restore-mode-replace"
            checked={mode === 'replace'}
            onChange={() => {
              setMode('replace');
              setConfirmed(false);
            }}
          />
          {t('data.restore.replace')}
        </label>
        {mode === 'replace' ? (
          <label className="data-choice data-warning">
            <input type="checkbox" data-testid="restore-replace-confirm" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} />
            {t('data.restore.replaceConfirm')}
          </label>
        ) : null}
      </fieldset>
      <div className="data-actions">
        <button type="button" data-testid="restore-start" disabled={!canRestore} onClick={() => void restore()}>
          {t('data.restore.start')}
        </button>
      </div>
      <ProgressLine progress={progress} testId="restore-progress" />
      {result ? (
        <Status testId="restore-status" outcome={result.outcome}>
          {result.text}
        </Status>
      ) : null}
    </div>
  );
}

function RetentionSection({ connect, onWritten }: { connect: ConnectDataPort; onWritten: () => void }) {
  const { t } = useI18n();
  const [days, setDays] = useState<string>(String(DEFAULT_CAPTURE_DAYS));
  const [forever, setForever] = useState(false);
  const [status, setStatus] = useState<{ outcome: 'done' | 'refused'; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    void readRetention()
      .then((settings) => {
        if (!live) return;
        setForever(settings.captureDays === null);
        if (settings.captureDays !== null) setDays(String(settings.captureDays));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const save = async () => {
    const parsed = Number(days);
    const captureDays = forever ? null : parsed;
    if (captureDays !== null && !(Number.isInteger(captureDays) && captureDays >= MIN_CAPTURE_DAYS && captureDays <= MAX_CAPTURE_DAYS)) {
      setStatus({ outcome: 'refused', text: t('data.retention.invalid', { min: MIN_CAPTURE_DAYS, max: MAX_CAPTURE_DAYS }) });
      return;
    }
    setBusy(true);
    try {
      const reply = await requestData({ type: 'retention-set', captureDays }, undefined, connect);
      if (reply.type === 'done' && reply.result.kind === 'retention') {
        setStatus({ outcome: 'done', text: t('data.retention.saved', { deleted: reply.result.deleted }) });
      } else if (reply.type === 'refused') {
        setStatus({ outcome: 'refused', text: refusalText(reply, t) });
      }
    } finally {
      setBusy(false);
      onWritten();
    }
  };

  return (
    <div className="data-section">
      <h3 className="data-heading">{t('data.retention.heading')}</h3>
      <p className="muted">{t('data.retention.intro')}</p>
      <div className="data-filters">
        <label>
          <span className="field-label">{t('data.retention.days')}</span>
          <input
            type="number"
            min={MIN_CAPTURE_DAYS}
            max={MAX_CAPTURE_DAYS}
            step={1}
            data-testid="retention-days"
            value={days}
            disabled={forever}
            onChange={(event) => setDays(event.target.value)}
          />
        </label>
        <label className="data-choice">
          <input type="checkbox" data-testid="retention-forever" checked={forever} onChange={(event) => setForever(event.target.checked)} />
          {t('data.retention.forever')}
        </label>
      </div>
      <div className="data-actions">
        <button type="button" data-testid="retention-save" disabled={busy} onClick={() => void save()}>
          {t('data.retention.save')}
        </button>
      </div>
      {status ? (
        <Status testId="retention-status" outcome={status.outcome}>
          {status.text}
        </Status>
      ) : null}
    </div>
  );
}

function RederiveSection({ connect }: { connect: ConnectDataPort }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ProgressReport | undefined>(undefined);
  const [status, setStatus] = useState<{ outcome: 'done' | 'refused'; lines: string[] } | undefined>(undefined);

  const run = async () => {
    setBusy(true);
    setStatus(undefined);
    try {
      const reply = await requestData({ type: 'rederive' }, setProgress, connect);
      if (reply.type === 'done' && reply.result.kind === 'rederive') {
        const result = reply.result;
        const lines = [t('data.rederive.done', { captures: result.captures, written: result.observationsWritten, removed: result.observationsRemoved })];
        if (result.invalidCount > 0) lines.push(t('data.rederive.invalid', { count: result.invalidCount }));
        for (const older of result.olderVersions) {
          lines.push(t('data.rederive.olderVersion', { count: older.captures, adapter: older.adapterId, version: older.version, current: older.current }));
        }
        setStatus({ outcome: 'done', lines });
      } else if (reply.type === 'refused') {
        setStatus({ outcome: 'refused', lines: [refusalText(reply, t)] });
      }
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  };

  return (
    <div className="data-section">
      <h3 className="data-heading">{t('data.rederive.heading')}</h3>
      <p className="muted">{t('data.rederive.intro')}</p>
      <div className="data-actions">
        <button type="button" data-testid="rederive-start" disabled={busy} onClick={() => void run()}>
          {t('data.rederive.start')}
        </button>
      </div>
      <ProgressLine progress={progress} testId="rederive-progress" />
      {status ? (
        <Status testId="rederive-status" outcome={status.outcome}>
          {status.lines.map((line) => (
            <span key={line} className="data-line">
              {line}
            </span>
          ))}
        </Status>
      ) : null}
    </div>
  );
}

/**
 * The whole history as a table: every stored observation (one figure of one entity at one
 * moment), joined with its entity, filtered by platform, entity, metric and date range.
 * Read-only: extension pages run it directly (the background stays the only writer).
 */
import Dexie from 'dexie';
import type { Bound, Platform } from '../capture/schema';
import { metricName, platformName, t, unitName, type Lang } from '../i18n';
import type { EntityKind, EntityRow, ObservationRow, ShopLensDb } from '../db/schema';
import type { ExportColumn, ExportTable } from './table';

export interface HistoryFilter {
  /** Only these platforms (all when absent or empty). */
  platforms?: readonly Platform[];
  /** Only these entity keys (all when absent or empty). */
  entityKeys?: readonly string[];
  /** Only these metric ids (all when absent or empty). */
  metrics?: readonly string[];
  /** First day included, YYYY-MM-DD (the day the figure is about). */
  from?: string;
  /** Last day included, YYYY-MM-DD. */
  to?: string;
}

export interface HistoryRow {
  day: string;
  capturedAt: string;
  platform: Platform | undefined;
  entityKey: string;
  entityKind: EntityKind | undefined;
  entityRef: string;
  entityName: string;
  own: boolean | undefined;
  metric: string;
  value: number;
  max: number | undefined;
  unit: ObservationRow['unit'];
  bound: Bound;
  /** The period label the page showed (昨日, 近7天), '' when none. */
  period: string;
  captureId: string;
}

const KIND_KEYS = { shop: 'export.kind.shop', item: 'export.kind.item', keyword: 'export.kind.keyword' } as const;
const BOUND_KEYS = { exact: 'export.bound.exact', atLeast: 'export.bound.atLeast' } as const;

export function boundText(bound: Bound, lang: Lang): string {
  return t(BOUND_KEYS[bound], lang);
}

export function yesNo(value: boolean | undefined, lang: Lang): string {
  return value === undefined ? '' : t(value ? 'export.yes' : 'export.no', lang);
}

export const HISTORY_COLUMNS: readonly ExportColumn<HistoryRow>[] = [
  { id: 'day', header: 'export.column.day', value: (row) => row.day, byDefault: true },
  { id: 'capturedAt', header: 'export.column.capturedAt', value: (row) => row.capturedAt },
  {
    id: 'platform',
    header: 'export.column.platform',
    value: (row) => row.platform,
    text: (row, lang) => (row.platform ? platformName(row.platform, lang) : ''),
    byDefault: true,
  },
  {
    id: 'entityKind',
    header: 'export.column.entityKind',
    value: (row) => row.entityKind,
    text: (row, lang) => (row.entityKind ? t(KIND_KEYS[row.entityKind], lang) : ''),
    byDefault: true,
  },
  { id: 'entityRef', header: 'export.column.entityRef', value: (row) => row.entityRef, byDefault: true },
  { id: 'entityName', header: 'export.column.entityName', value: (row) => row.entityName, byDefault: true },
  { id: 'own', header: 'export.column.own', value: (row) => row.own, text: (row, lang) => yesNo(row.own, lang) },
  { id: 'metric', header: 'export.column.metric', value: (row) => row.metric },
  {
    id: 'metricName',
    header: 'export.column.metricName',
    value: (row) => metricName(row.metric, 'en') ?? row.metric,
    text: (row, lang) => metricName(row.metric, lang) ?? row.metric,
    byDefault: true,
  },
  { id: 'value', header: 'export.column.value', value: (row) => row.value, byDefault: true },
  { id: 'max', header: 'export.column.max', value: (row) => row.max, byDefault: true },
  { id: 'unit', header: 'export.column.unit', value: (row) => row.unit, text: (row, lang) => unitName(row.unit, lang), byDefault: true },
  { id: 'bound', header: 'export.column.bound', value: (row) => row.bound, text: (row, lang) => boundText(row.bound, lang), byDefault: true },
  { id: 'period', header: 'export.column.period', value: (row) => row.period, byDefault: true },
  { id: 'entityKey', header: 'export.column.entityKey', value: (row) => row.entityKey },
  { id: 'captureId', header: 'export.column.captureId', value: (row) => row.captureId },
];

function periodLabel(periodKey: string): string {
  return periodKey.split('|')[0] ?? '';
}

function platformOfKey(entityKey: string): string {
  return entityKey.slice(0, entityKey.indexOf(':'));
}

function compareRows(a: ObservationRow, b: ObservationRow): number {
  return a.day < b.day ? -1 : a.day > b.day ? 1 : a.entityKey < b.entityKey ? -1 : a.entityKey > b.entityKey ? 1 : a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : 0;
}

/**
 * The observations matching `filter`, oldest day first. With entities and metrics named it
 * walks the [entityKey+metric+day] index per pair; otherwise it reads the table once.
 */
export async function queryHistory(db: ShopLensDb, filter: HistoryFilter = {}): Promise<HistoryRow[]> {
  const platforms = new Set(filter.platforms ?? []);
  const metrics = new Set(filter.metrics ?? []);
  const entityKeys = [...new Set(filter.entityKeys ?? [])];
  const from = filter.from ?? '';
  const to = filter.to ?? '\uffff';
  const keep = (row: ObservationRow): boolean =>
    (platforms.size === 0 || platforms.has(platformOfKey(row.entityKey) as Platform)) &&
    (metrics.size === 0 || metrics.has(row.metric)) &&
    row.day >= from &&
    row.day <= to;

  return db.transaction('r', db.observations, db.entities, async () => {
    let observations: ObservationRow[];
    if (entityKeys.length > 0 && metrics.size > 0) {
      const lists = await Promise.all(
        entityKeys.flatMap((entityKey) =>
          [...metrics].map((metric) => db.observations.where('[entityKey+metric+day]').between([entityKey, metric, from], [entityKey, metric, to], true, true).toArray()),
        ),
      );
      observations = lists.flat().filter(keep);
    } else if (entityKeys.length > 0) {
      const lists = await Promise.all(
        entityKeys.map((entityKey) => db.observations.where('[entityKey+capturedAt]').between([entityKey, Dexie.minKey], [entityKey, Dexie.maxKey]).toArray()),
      );
      observations = lists.flat().filter(keep);
    } else {
      observations = await db.observations.filter(keep).toArray();
    }
    observations.sort(compareRows);
    const keys = [...new Set(observations.map((row) => row.entityKey))];
    const entities = new Map<string, EntityRow>();
    (await db.entities.bulkGet(keys)).forEach((entity) => entity && entities.set(entity.key, entity));
    return observations.map((row) => {
      const entity = entities.get(row.entityKey);
      return {
        day: row.day,
        capturedAt: row.capturedAt,
        platform: entity?.platform ?? (platformOfKey(row.entityKey) as Platform),
        entityKey: row.entityKey,
        entityKind: entity?.kind,
        entityRef: entity?.ref ?? row.entityKey.split(':').slice(2).join(':'),
        entityName: entity?.name ?? '',
        own: entity?.own,
        metric: row.metric,
        value: row.value,
        max: row.max,
        unit: row.unit,
        bound: row.bound,
        period: periodLabel(row.periodKey),
        captureId: row.captureId,
      };
    });
  });
}

export async function historyTable(db: ShopLensDb, filter: HistoryFilter = {}): Promise<ExportTable<HistoryRow>> {
  return { name: 'history', columns: HISTORY_COLUMNS, rows: await queryHistory(db, filter) };
}

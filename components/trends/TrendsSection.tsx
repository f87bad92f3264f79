/**
 * The panel's Trends section for the entity in view: a chart of one figure over time (price,
 * sales, reviews of a listing; a shop's figures per period; a keyword's market prices), the
 * same values as a list, CSV and PNG export, pinning and rules, and for a keyword or a category
 * the competitor table.
 *
 * Stable hooks (data-testid): trends, trend-metric (data-metric, aria-pressed), trend-group
 * (data-group), trend-price-kind (data-kind, aria-pressed; one per price kind seen),
 * trend-price-kind-note, trend-price-kinds-note, trend-range (data-days), trend-chart (data-drawn), trend-point-list,
 * trend-summary, trend-latest, trend-export-csv, trend-export-png, trend-compare-chart,
 * trend-left-out, trends-none, category-competitors; PinBar, CompetitorTable and MarketSummary
 * add theirs.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PageContext } from '../../lib/db/queries';
import { metricsOfCapture } from '../../lib/db/queries';
import type { EntityKind, ShopLensDb } from '../../lib/db/schema';
import { dayOf } from '../../lib/db/store';
import { isoDayNumber, isoFromDayNumber } from '../../lib/diagnostics/period';
import { formatChange } from '../../lib/i18n/format';
import type { I18n } from '../../lib/i18n/react';
import { useI18n } from '../../lib/i18n/react';
import { compareItems, periodOverPeriod } from '../../lib/trends/compare';
import { competitorTable } from '../../lib/trends/competitors';
import { seriesCsv, exportFileName } from '../../lib/trends/export';
import { marketSeries, marketSnapshot, type MarketMetric } from '../../lib/trends/market';
import { seriesName, seriesPriceKindName, trendMetricName } from '../../lib/trends/names';
import {
  lastPoint,
  leftOutOf,
  periodGroupsOf,
  priceKindsOf,
  seriesFromObservations,
  seriesPerPriceKind,
  type SeriesPriceKind,
  type TrendSeries,
} from '../../lib/trends/series';
import { buildTrendChartConfig, type ChartLine } from './chartConfig';
import { CompetitorTable } from './CompetitorTable';
import { downloadCanvasPng, downloadCsv } from './download';
import { MarketSummary } from './MarketSummary';
import { PinBar, type PinTarget } from './PinBar';
import { TrendChart } from './TrendChart';
import { pointText, TrendPointList } from './TrendPointList';
import { isMarketFigure, loadCategoryCaptures, loadTrendData } from './trendData';
import './trends.css';

/** Market figures a keyword's chart offers. */
const KEYWORD_METRICS: readonly MarketMetric[] = ['medianPrice', 'lowerQuartilePrice', 'upperQuartilePrice', 'minPrice'];
/** A listing's figures in the order the chart offers them. */
const LISTING_ORDER = ['price', 'sales', 'reviews', 'stock'];
const RANGES: readonly (number | null)[] = [30, 90, 365, null];
export const DEFAULT_RANGE_DAYS = 365;
const POP_DAYS = 7;

function kindOfKey(entityKey: string): EntityKind {
  const kind = entityKey.split(':')[1];
  return kind === 'shop' || kind === 'keyword' ? kind : 'item';
}

export function periodGroupName(group: string, t: I18n['t']): string {
  if (group === 'snapshot') return t('trends.group.snapshot');
  if (group === 'partial') return t('trends.group.partial');
  if (group === 'days:1') return t('trends.group.daily');
  if (group === 'month') return t('trends.group.month');
  const days = /^days:(\d+)$/.exec(group)?.[1];
  return days ? t('trends.group.days', { days }) : t('trends.group.unknown');
}

/** The figures the section offers for the page's entity, in display order. */
export function trendMetrics(context: PageContext, kind: EntityKind): string[] {
  if (kind === 'keyword' && context.latest.capture.results) return [...KEYWORD_METRICS];
  const available = new Set(Object.keys(context.series));
  const ordered = metricsOfCapture(context.latest).filter((metric) => available.has(metric));
  return kind === 'item' ? ordered.sort((a, b) => rank(a) - rank(b)) : ordered;
}

function rank(metric: string): number {
  const index = LISTING_ORDER.indexOf(metric);
  return index < 0 ? LISTING_ORDER.length : index;
}

function pinTargets(context: PageContext, kind: EntityKind): { target: PinTarget; shop?: PinTarget } {
  const latest = context.latest;
  const capture = latest.capture;
  const ref = context.entity?.ref ?? latest.entityKey.split(':').slice(2).join(':');
  const target: PinTarget = {
    key: latest.entityKey,
    platform: latest.platform,
    kind,
    ref,
    name: (context.entity?.name || capture.listing?.title || ref).slice(0, 300),
  };
  if (kind === 'item' && capture.pageKind === 'listing') target.url = capture.url;
  const shop = capture.listing?.shop;
  const shopRef = shop?.id || shop?.name;
  if (!shopRef || kind !== 'item') return { target };
  return {
    target,
    shop: { key: `${latest.platform}:shop:${shopRef}`, platform: latest.platform, kind: 'shop', ref: shopRef, name: shop?.name || shopRef },
  };
}

export function TrendsSection({ db, context }: { db: ShopLensDb; context: PageContext }) {
  const { t, lang } = useI18n();
  const latest = context.latest;
  const entityKey = latest.entityKey;
  const kind = context.entity?.kind ?? kindOfKey(entityKey);
  const metrics = useMemo(() => trendMetrics(context, kind), [context, kind]);
  const [chosenMetric, setMetric] = useState<string | undefined>(undefined);
  const [chosenGroup, setGroup] = useState<string | undefined>(undefined);
  const [chosenKind, setKind] = useState<SeriesPriceKind | undefined>(undefined);
  const [rangeDays, setRangeDays] = useState<number | null>(DEFAULT_RANGE_DAYS);
  const metric = chosenMetric && metrics.includes(chosenMetric) ? chosenMetric : metrics[0];

  // Another page, another entity: start again from its first figure.
  useEffect(() => {
    setMetric(undefined);
    setGroup(undefined);
    setKind(undefined);
  }, [entityKey]);

  const endDay = dayOf(latest.capture);
  const fromDay = rangeDays === null ? undefined : isoFromDayNumber(isoDayNumber(endDay) - rangeDays + 1);
  const { target, shop } = useMemo(() => pinTargets(context, kind), [context, kind]);

  const data = useLiveQuery(
    () => loadTrendData(db, { entityKey, platform: latest.platform, kind, metric: metric ?? '', ...(fromDay ? { fromDay } : {}), ...(shop ? { shopKey: shop.key } : {}) }),
    [db, entityKey, latest.platform, kind, metric, fromDay, shop?.key],
  );

  const market = kind === 'keyword' && metric !== undefined && isMarketFigure(metric);
  const groups = useMemo(() => (data && !market ? periodGroupsOf(data.rows) : []), [data, market]);
  const group = chosenGroup && groups.some((g) => g.group === chosenGroup) ? chosenGroup : undefined;
  // A price comes in kinds (券后, 原价 …): one series per kind, never one line through two.
  const kindSeries: TrendSeries[] = useMemo(() => {
    if (!data || !metric) return [];
    if (market) return [marketSeries(data.captures, entityKey, metric as MarketMetric)];
    return seriesPerPriceKind(data.rows, group ? { group } : {});
  }, [data, metric, market, entityKey, group]);
  const series: TrendSeries | undefined = kindSeries.find((s) => s.priceKind !== undefined && s.priceKind === chosenKind) ?? kindSeries[0];
  /** The lines drawn: every price kind of the chosen figure and period, in the chosen series' unit. */
  const drawn = useMemo(() => (series ? kindSeries.filter((s) => s.unit === series.unit && s.points.length > 0) : []), [kindSeries, series]);

  const metricLabel = metric ? trendMetricName(metric, lang) : '';
  const flagWords = useMemo(() => ({ atLeast: t('trends.point.atLeast'), estimated: t('trends.point.estimated') }), [t]);
  const config = useMemo(() => {
    if (!series || drawn.length === 0) return undefined;
    const lines: ChartLine[] = drawn.map((s) => ({ id: `${entityKey}|${s.priceKind ?? ''}`, label: drawn.length > 1 ? seriesName(s, lang) : metricLabel, series: s }));
    return buildTrendChartConfig({ lines, unit: series.unit, lang, flagWords });
  }, [series, drawn, entityKey, metricLabel, lang, flagWords]);

  const comparison = useMemo(() => {
    if (!data || !series || data.competitors.length === 0) return undefined;
    const others = data.competitors.flatMap(({ watch, rows }) => {
      // The competitor's price of the same kind when it has one; else its newest kind, named on its line.
      const sameKind = series.priceKind !== undefined && priceKindsOf(rows).some((k) => k.priceKind === series.priceKind);
      const s = seriesFromObservations(rows, sameKind ? { priceKind: series.priceKind! } : {});
      return s && s.points.length > 0 ? [{ watch, series: s }] : [];
    });
    if (others.length === 0) return undefined;
    const result = compareItems(series, others.map((o) => o.series));
    const names = new Map(
      others.map((o) => [
        o.watch.key,
        o.series.priceKind !== undefined && o.series.priceKind !== series.priceKind
          ? t('trends.priceKind.line', { metric: o.watch.name, kind: seriesPriceKindName(o.series.priceKind, lang) })
          : o.watch.name,
      ]),
    );
    const lines: ChartLine[] = result.lines.map((line) => ({
      id: line.entityKey,
      label: line.role === 'own' ? t('trends.compare.own') : (names.get(line.entityKey) ?? line.entityKey),
      series: line.series,
    }));
    return { indexed: result.indexed, config: buildTrendChartConfig({ lines, unit: result.unit, lang, flagWords }) };
  }, [data, series, t, lang, flagWords]);

  const canvas = useRef<HTMLCanvasElement | null>(null);
  const onCanvas = useCallback((element: HTMLCanvasElement | null) => {
    canvas.current = element;
  }, []);

  const keywordMarket = useMemo(() => {
    if (kind !== 'keyword' || !data || data.captures.length === 0) return undefined;
    const newest = data.captures[data.captures.length - 1]!;
    return {
      snapshot: newest.capture.results ? marketSnapshot(newest.capture.results) : undefined,
      table: competitorTable(data.captures),
    };
  }, [kind, data]);

  if (metrics.length === 0 || !metric) {
    return (
      <section className="trends" data-testid="trends">
        <h2 className="section-heading">{t('trends.heading')}</h2>
        <PinBar target={target} watch={data?.watch} refreshEnabled={data?.refreshEnabled ?? false} {...(shop ? { shop, shopWatch: data?.shopWatch } : {})} />
        <p className="trend-note" data-testid="trends-none">
          {t('trends.none')}
        </p>
      </section>
    );
  }

  const last = lastPoint(series);
  const previous = series && series.points.length > 1 ? series.points[series.points.length - 2] : undefined;
  const sincePrevious =
    last && previous && last.bound === 'exact' && previous.bound === 'exact' && !last.estimated && !previous.estimated && previous.value !== 0
      ? (last.value - previous.value) / previous.value
      : undefined;
  const pop = series ? periodOverPeriod(series, POP_DAYS) : undefined;
  const showPop = pop && pop.current.observedDays > 0 && pop.previous.observedDays > 0;
  const leftOut = series ? leftOutOf(series, drawn) : 0;
  const fileMetric = series?.priceKind !== undefined ? `${series.metric}-${series.priceKind}` : (series?.metric ?? metric);

  return (
    <section className="trends" data-testid="trends" data-entity={entityKey}>
      <h2 className="section-heading">{t('trends.heading')}</h2>
      <PinBar target={target} watch={data?.watch} refreshEnabled={data?.refreshEnabled ?? false} {...(shop ? { shop, shopWatch: data?.shopWatch } : {})} />

      <div className="trend-controls" role="group" aria-label={t('trends.metric')}>
        {metrics.map((m) => (
          <button key={m} type="button" data-testid="trend-metric" data-metric={m} aria-pressed={m === metric ? 'true' : 'false'} onClick={() => { setMetric(m); setGroup(undefined); setKind(undefined); }}>
            {trendMetricName(m, lang)}
          </button>
        ))}
      </div>
      {groups.length > 1 ? (
        <div className="trend-controls" role="group" aria-label={t('trends.period')}>
          {groups.map((g) => (
            <button key={g.group} type="button" data-testid="trend-group" data-group={g.group} aria-pressed={g.group === series?.group ? 'true' : 'false'} onClick={() => setGroup(g.group)}>
              {periodGroupName(g.group, t)}
            </button>
          ))}
        </div>
      ) : null}
      {kindSeries.length > 1 && kindSeries.every((s) => s.priceKind !== undefined) ? (
        <>
          <div className="trend-controls" role="group" aria-label={t('trends.priceKind')}>
            {kindSeries.map((s) => (
              <button
                key={s.priceKind}
                type="button"
                data-testid="trend-price-kind"
                data-kind={s.priceKind}
                aria-pressed={s.priceKind === series?.priceKind ? 'true' : 'false'}
                onClick={() => setKind(s.priceKind)}
              >
                {seriesPriceKindName(s.priceKind!, lang)}
              </button>
            ))}
          </div>
          <p className="trend-note" data-testid="trend-price-kinds-note">
            {t('trends.priceKind.separate')}
          </p>
        </>
      ) : series?.priceKind !== undefined ? (
        <p className="trend-note" data-testid="trend-price-kind-note" data-kind={series.priceKind}>
          {t('trends.priceKind.single', { kind: seriesPriceKindName(series.priceKind, lang) })}
        </p>
      ) : null}
      <div className="trend-controls" role="group" aria-label={t('trends.range')}>
        {RANGES.map((days) => (
          <button key={days ?? 'all'} type="button" data-testid="trend-range" data-days={days ?? 'all'} aria-pressed={days === rangeDays ? 'true' : 'false'} onClick={() => setRangeDays(days)}>
            {days === null ? t('trends.range.all') : t('trends.range.days', { days })}
          </button>
        ))}
      </div>

      {!series || series.points.length === 0 ? (
        <p className="trend-note" data-testid="trends-none">
          {data ? t('trends.none') : t('state.loading')}
        </p>
      ) : (
        <>
          <div className="trend-summary" data-testid="trend-summary">
            {last ? (
              <span data-testid="trend-latest">
                {t('trends.latest', { value: pointText(last, series.unit, series.metric, lang), day: last.day })}
              </span>
            ) : null}
            {previous && sincePrevious !== undefined ? <span> · {t('trends.sincePrevious', { day: previous.day, change: formatChange(sincePrevious) })}</span> : null}
            {showPop ? (
              <div>
                {t('trends.periodOverPeriod', { days: POP_DAYS, change: pop.change === null ? t('trends.pop.none') : formatChange(pop.change) })}
                {pop.aggregate === 'dailyAverage'
                  ? ` · ${t('trends.pop.average', { current: pop.current.observedDays, previous: pop.previous.observedDays, days: POP_DAYS })}`
                  : null}
              </div>
            ) : null}
          </div>
          {config ? <TrendChart config={config} label={t('trends.chartLabel', { metric: metricLabel })} onCanvas={onCanvas} /> : null}
          {series.points.length === 1 ? <p className="trend-note">{t('trends.onePoint')}</p> : null}
          <p className="trend-legend">
            {series.points.some((p) => p.bound === 'atLeast') ? <span>{t('trends.legend.atLeast')}</span> : null}
            {series.points.some((p) => p.estimated) ? <span>{t('trends.legend.estimated')}</span> : null}
          </p>
          <TrendPointList series={series} label={t('trends.points')} />
          {leftOut > 0 ? (
            <p className="trend-note" data-testid="trend-left-out">
              {t('trends.leftOut', { count: leftOut })}
            </p>
          ) : null}
          <div className="trend-export">
            <button type="button" data-testid="trend-export-csv" onClick={() => downloadCsv(seriesCsv(series, lang), exportFileName(entityKey, fileMetric, 'csv', last?.day))}>
              {t('trends.export.csv')}
            </button>
            <button
              type="button"
              data-testid="trend-export-png"
              onClick={() => {
                if (canvas.current) void downloadCanvasPng(canvas.current, exportFileName(entityKey, fileMetric, 'png', last?.day));
              }}
            >
              {t('trends.export.png')}
            </button>
          </div>
        </>
      )}

      {comparison ? (
        <div className="trend-compare">
          <h3 className="section-heading">{t('trends.compare.heading')}</h3>
          {comparison.indexed ? <p className="trend-note">{t('trends.compare.indexed')}</p> : null}
          <TrendChart config={comparison.config} label={t('trends.compare.heading')} testId="trend-compare-chart" />
        </div>
      ) : null}

      {keywordMarket?.snapshot ? <MarketSummary snapshot={keywordMarket.snapshot} /> : null}
      {keywordMarket ? <CompetitorTable table={keywordMarket.table} heading={t('trends.competitors.heading', { count: keywordMarket.table.rows.length })} /> : null}
      {kind === 'item' && latest.capture.listing?.category ? (
        <CategoryCompetitors db={db} category={latest.capture.listing.category} fromDay={fromDay} ownItemId={latest.capture.listing.itemId} />
      ) : null}
    </section>
  );
}

/** Listings of the same category, read only when the operator opens it (it reads captures). */
function CategoryCompetitors({ db, category, fromDay, ownItemId }: { db: ShopLensDb; category: string; fromDay: string | undefined; ownItemId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const captures = useLiveQuery(() => (open ? loadCategoryCaptures(db, category, fromDay) : Promise.resolve(undefined)), [db, category, fromDay, open]);
  const table = useMemo(() => (captures ? competitorTable(captures, [ownItemId]) : undefined), [captures, ownItemId]);
  return (
    <details className="category-competitors" data-testid="category-competitors" onToggle={(event) => setOpen((event.target as HTMLDetailsElement).open)}>
      <summary>{t('trends.competitors.categoryHeading', { count: table?.rows.length ?? '…' })}</summary>
      {table ? <CompetitorTable table={table} heading={category} /> : null}
    </details>
  );
}

/**
 * The side panel: header with the language switch, then one of four states for the page in
 * view: loading, unsupported (no marketplace page: lists what is supported), waiting (a
 * supported page with nothing captured yet) and captured (figures, what could not be read,
 * earlier snapshots). Reads with useLiveQuery, so a capture the background stores shows up
 * without a reload.
 *
 * Stable hooks for browser tests (data-testid): panel-state (data-state = loading |
 * unsupported | waiting | captured), supported-pages, lang-zh / lang-en, capture-page,
 * capture-shop, period, figure-row (data-metric), figure-value (data-bound), figure-unit,
 * figure-metric-name, figure-change, figure-peers, peer-value, listing-title, listing-item-id,
 * listing-price (data-price-kind), listing-other-prices, listing-sales, listing-reviews,
 * listing-stock, listing-scores, listing-promotions, search-results, search-result,
 * item-rows, item-row, editor-title, issues-list, issue (data-field), history-list,
 * history-row (data-captured-at), history-value, history-empty; page-health and its parts
 * (see components/health/PageHealth.tsx); trends, trend-chart (data-drawn), trend-point-list,
 * pin-button and the rest of components/trends/TrendsSection.tsx; alert-list (AlertList.tsx);
 * panel-view-page / panel-view-titles, titles-view, scorecard and their parts (components/titles).
 *
 * The figures and the trend chart render first; the other sections mount once the chart has
 * drawn, or shortly after when there is none (./useAfterFirstChart.ts): panel-main's
 * data-secondary says which (waiting | shown).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { ADAPTERS, adapterForUrl } from '../../lib/adapters/registry';
import type { PageAdapter } from '../../lib/adapters/types';
import { capturesOfPage, pageContext, type PageContext } from '../../lib/db/queries';
import { openDb, type CaptureRow, type ShopLensDb } from '../../lib/db/schema';
import { I18nProvider, useI18n } from '../../lib/i18n/react';
import { DiagnosticsView } from '../diagnostics/DiagnosticsView';
import { CaptureView } from '../figures/CaptureView';
import { PageHealth } from '../health/PageHealth';
import { HistoryList } from '../history/HistoryList';
import { PageTitles } from '../titles/PageTitles';
import { PanelViewSwitch, type PanelView } from '../titles/PanelViewSwitch';
import { TitlesView } from '../titles/TitlesView';
import { AlertList } from '../trends/AlertList';
import { TrendsSection } from '../trends/TrendsSection';
import { LanguageSwitch } from './LanguageSwitch';
import { StorageFullNotice } from '../data/StorageFullNotice';
import { LoadingState, UnsupportedState, WaitingState } from './PanelStates';
import { useAfterFirstChart } from './useAfterFirstChart';
import { usePageUrl } from './usePageUrl';
import './App.css';

export interface AppProps {
  /** The database to read; the extension's own by default (tests pass a fresh one). */
  db?: ShopLensDb;
  /** The page readers that decide "supported"; the registry by default. */
  adapters?: readonly PageAdapter[];
  /** How long the sections after the chart wait when no chart draws (./useAfterFirstChart.ts). */
  secondaryFallbackMs?: number;
}

export function App({ db, adapters = ADAPTERS, secondaryFallbackMs }: AppProps) {
  const database = useMemo(() => db ?? openDb(), [db]);
  return (
    <I18nProvider>
      <Panel db={database} adapters={adapters} secondaryFallbackMs={secondaryFallbackMs} />
    </I18nProvider>
  );
}

/** Captures of the page the health view looks back over (since when is a field missing). */
const HEALTH_HISTORY_LIMIT = 30;

interface LookedUp {
  url: string | null;
  context: PageContext | null;
  /** The page's captures, newest first, for the page-health view. */
  pageCaptures: CaptureRow[];
}

async function lookUp(db: ShopLensDb, url: string | null): Promise<LookedUp> {
  if (!url) return { url, context: null, pageCaptures: [] };
  const context = await pageContext(db, url);
  const pageCaptures = context ? await capturesOfPage(db, context.pageKey, HEALTH_HISTORY_LIMIT) : [];
  return { url, context, pageCaptures };
}

function Panel({ db, adapters, secondaryFallbackMs }: { db: ShopLensDb; adapters: readonly PageAdapter[]; secondaryFallbackMs?: number }) {
  const { t } = useI18n();
  const pageUrl = usePageUrl();
  const [view, setView] = useState<PanelView>('page');
  const result = useLiveQuery(() => (pageUrl === undefined ? undefined : lookUp(db, pageUrl)), [db, pageUrl]);
  // After a tab switch the hook can still hold the previous page's result for a moment.
  const current = result && result.url === pageUrl ? result : undefined;

  // Sections other than the figures and the trend chart wait for the chart (./useAfterFirstChart.ts).
  const secondary = useAfterFirstChart(secondaryFallbackMs);

  let body;
  if (pageUrl === undefined || current === undefined) {
    body = <LoadingState />;
  } else if (current.context) {
    body = (
      <section className="panel-state" data-testid="panel-state" data-state="captured">
        <CaptureView row={current.context.latest} />
        {secondary && <PageTitles db={db} row={current.context.latest} />}
        {secondary && <DiagnosticsView db={db} row={current.context.latest} />}
        <TrendsSection db={db} context={current.context} />
        {secondary && <HistoryList earlier={current.context.earlier} current={current.context.latest.capture} />}
        {secondary && <PageHealth captures={current.pageCaptures} />}
      </section>
    );
  } else {
    const adapter = pageUrl ? adapterForUrl(new URL(pageUrl), adapters) : undefined;
    body = adapter ? <WaitingState adapter={adapter} /> : <UnsupportedState adapters={adapters} />;
  }

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        <PanelViewSwitch view={view} onChange={setView} />
        <LanguageSwitch />
      </header>
      <main className="app-main" data-testid="panel-main" data-secondary={secondary ? 'shown' : 'waiting'}>
        <StorageFullNotice />
        {view === 'titles' ? <TitlesView db={db} /> : body}
        {secondary && <AlertList db={db} />}
      </main>
    </div>
  );
}

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
 * history-row (data-captured-at), history-value, history-empty.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { ADAPTERS, adapterForUrl } from '../../lib/adapters/registry';
import type { PageAdapter } from '../../lib/adapters/types';
import { pageContext, type PageContext } from '../../lib/db/queries';
import { openDb, type ShopLensDb } from '../../lib/db/schema';
import { I18nProvider, useI18n } from '../../lib/i18n/react';
import { CaptureView } from '../figures/CaptureView';
import { HistoryList } from '../history/HistoryList';
import { LanguageSwitch } from './LanguageSwitch';
import { LoadingState, UnsupportedState, WaitingState } from './PanelStates';
import { usePageUrl } from './usePageUrl';
import './App.css';

export interface AppProps {
  /** The database to read; the extension's own by default (tests pass a fresh one). */
  db?: ShopLensDb;
  /** The page readers that decide "supported"; the registry by default. */
  adapters?: readonly PageAdapter[];
}

export function App({ db, adapters = ADAPTERS }: AppProps) {
  const database = useMemo(() => db ?? openDb(), [db]);
  return (
    <I18nProvider>
      <Panel db={database} adapters={adapters} />
    </I18nProvider>
  );
}

interface LookedUp {
  url: string | null;
  context: PageContext | null;
}

async function lookUp(db: ShopLensDb, url: string | null): Promise<LookedUp> {
  if (!url) return { url, context: null };
  return { url, context: await pageContext(db, url) };
}

function Panel({ db, adapters }: { db: ShopLensDb; adapters: readonly PageAdapter[] }) {
  const { t } = useI18n();
  const pageUrl = usePageUrl();
  const result = useLiveQuery(() => (pageUrl === undefined ? undefined : lookUp(db, pageUrl)), [db, pageUrl]);
  // After a tab switch the hook can still hold the previous page's result for a moment.
  const current = result && result.url === pageUrl ? result : undefined;

  let body;
  if (pageUrl === undefined || current === undefined) {
    body = <LoadingState />;
  } else if (current.context) {
    body = (
      <section className="panel-state" data-testid="panel-state" data-state="captured">
        <CaptureView row={current.context.latest} />
        <HistoryList earlier={current.context.earlier} current={current.context.latest.capture} />
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
        <LanguageSwitch />
      </header>
      <main className="app-main">{body}</main>
    </div>
  );
}

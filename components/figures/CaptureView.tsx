/**
 * One capture as the operator reads it: which page and period, then every part the adapter
 * filled (figures, listing, search results, item rows, editor), an "export this table" control
 * per table (CSV/JSON), then what could not be read.
 * All page text is rendered as React text nodes, never as HTML.
 */
import type { PageKind } from '../../lib/capture/schema';
import type { CaptureRow } from '../../lib/db/schema';
import { formatDateTime, formatPeriod } from '../../lib/i18n/format';
import { pageKindName, platformName } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';
import { captureTables } from '../../lib/export/capture-tables';
import { TableExport } from '../data/TableExport';
import { EditorCard } from './EditorCard';
import { FigureList } from './FigureList';
import { IssuesList } from './IssuesList';
import { ItemRowList } from './ItemRowList';
import { ListingCard } from './ListingCard';
import { SearchResultList } from './SearchResultList';
import './figures.css';

/** Pages whose figures are about a period: saying it is missing there matters. A listing has none. */
const PERIOD_PAGES: ReadonlySet<PageKind> = new Set<PageKind>(['dashboard', 'item-report']);

export function CaptureView({ row }: { row: CaptureRow }) {
  const { t, lang } = useI18n();
  const capture = row.capture;
  const hasOtherParts = Boolean(capture.listing || capture.results || capture.items || capture.editor);
  return (
    <article className="capture" data-testid="capture" data-capture-id={row.id}>
      <header className="capture-summary">
        <div className="capture-page" data-testid="capture-page">
          {platformName(capture.platform, lang)} · {pageKindName(capture.pageKind, lang)}
        </div>
        {capture.shop?.name ? (
          <div className="capture-shop" data-testid="capture-shop">
            {t('shop.name', { name: capture.shop.name })}
          </div>
        ) : null}
        {capture.period || PERIOD_PAGES.has(capture.pageKind) ? (
          <div className="capture-period" data-testid="period">
            <span className="field-label">{t('capture.period')}</span>{' '}
            {capture.period ? formatPeriod(capture.period, lang) : <em>{t('capture.periodNone')}</em>}
          </div>
        ) : null}
        <div className="capture-time">
          <time dateTime={capture.capturedAt}>{t('capture.readAt', { time: formatDateTime(capture.capturedAt) })}</time>
        </div>
      </header>

      {capture.listing ? <ListingCard listing={capture.listing} /> : null}
      {capture.metrics.length > 0 || !hasOtherParts ? <FigureList readings={capture.metrics} /> : null}
      {capture.results ? <SearchResultList results={capture.results} /> : null}
      {capture.items ? <ItemRowList items={capture.items} /> : null}
      {capture.editor ? <EditorCard editor={capture.editor} /> : null}
      {captureTables(capture).map((table) => (
        <TableExport key={table.name} table={table} />
      ))}
      <IssuesList issues={capture.issues} />
    </article>
  );
}

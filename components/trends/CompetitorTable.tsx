/**
 * Every listing seen for a keyword or a category, sortable by price, sales, change since last
 * seen, rank and last sighting, each with a price sparkline. Page text (titles, shop names) is
 * rendered as text only.
 *
 * Stable hooks: competitor-table, competitor-sort (data-key; the header cell has aria-sort),
 * competitor-row (data-item-id), competitor-price, competitor-change, competitor-sales.
 */
import { useMemo, useState } from 'react';
import { formatChange, formatCount, formatPrice } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/react';
import { sortCompetitors, type CompetitorSortKey, type CompetitorTable as Table, type SortDirection } from '../../lib/trends/competitors';
import { Sparkline } from './Sparkline';

type ColumnLabel = 'trends.competitors.price' | 'trends.competitors.change' | 'trends.competitors.sales' | 'trends.competitors.rank' | 'trends.competitors.lastSeen';

const COLUMNS: { key: CompetitorSortKey; label: ColumnLabel; first: SortDirection }[] = [
  { key: 'price', label: 'trends.competitors.price', first: 'asc' },
  { key: 'change', label: 'trends.competitors.change', first: 'asc' },
  { key: 'sales', label: 'trends.competitors.sales', first: 'desc' },
  { key: 'rank', label: 'trends.competitors.rank', first: 'asc' },
  { key: 'lastSeen', label: 'trends.competitors.lastSeen', first: 'desc' },
];

export function CompetitorTable({ table, heading }: { table: Table; heading: string }) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState<{ key: CompetitorSortKey; direction: SortDirection }>({ key: 'lastSeen', direction: 'desc' });
  const rows = useMemo(() => sortCompetitors(table.rows, sort.key, sort.direction), [table.rows, sort]);
  const hasRank = table.rows.some((row) => row.rank !== undefined);

  const toggle = (key: CompetitorSortKey, first: SortDirection) =>
    setSort((current) => (current.key === key ? { key, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: first }));

  if (table.rows.length === 0) return <p className="trend-note">{t('trends.competitors.none')}</p>;
  return (
    <div className="competitors">
      <h3 className="section-heading">{heading}</h3>
      <div className="competitor-scroll">
        <table className="competitor-table" data-testid="competitor-table">
          <thead>
            <tr>
              <th scope="col">{t('trends.competitors.listing')}</th>
              {COLUMNS.filter((c) => c.key !== 'rank' || hasRank).map((column) => (
                <th key={column.key} scope="col" aria-sort={sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" data-testid="competitor-sort" data-key={column.key} onClick={() => toggle(column.key, column.first)}>
                    {t(column.label)}
                  </button>
                </th>
              ))}
              <th scope="col">{t('trends.competitors.trend')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.itemId} data-testid="competitor-row" data-item-id={row.itemId}>
                <td className="competitor-title" title={row.title}>
                  {row.title}
                  {row.shop ? <div className="competitor-shop">{row.shop}</div> : null}
                </td>
                <td data-testid="competitor-price">{row.price === null ? '—' : formatPrice(row.price, undefined, lang)}</td>
                <td data-testid="competitor-change" className={row.priceChangeRatio ? (row.priceChangeRatio > 0 ? 'is-up' : 'is-down') : undefined}>
                  {row.priceChangeRatio === null ? '—' : formatChange(row.priceChangeRatio)}
                </td>
                <td data-testid="competitor-sales">{row.sales ? formatCount(row.sales.value, lang, row.sales.bound) : '—'}</td>
                {hasRank ? <td>{row.rank ?? '—'}</td> : null}
                <td>
                  <time dateTime={row.lastDay}>{row.lastDay.slice(5)}</time>
                </td>
                <td>
                  <Sparkline series={row.priceSeries} label={t('trends.competitors.trend')} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.unidentified > 0 ? <p className="trend-note">{t('trends.competitors.unidentified', { count: table.unidentified })}</p> : null}
    </div>
  );
}

/**
 * A keyword's market as its latest search results show it: how many listings, price bands and
 * the top results. Stable hooks: market-summary, price-band (data-from, data-to, data-count),
 * market-top.
 */
import { formatPrice } from '../../lib/i18n/format';
import { useI18n } from '../../lib/i18n/react';
import type { MarketSnapshot } from '../../lib/trends/market';

export function MarketSummary({ snapshot }: { snapshot: MarketSnapshot }) {
  const { t, lang } = useI18n();
  const largest = Math.max(1, ...snapshot.bands.map((band) => band.count));
  return (
    <div className="market-summary" data-testid="market-summary">
      <h3 className="section-heading">{t('trends.market.heading', { count: snapshot.listings })}</h3>
      <p className="trend-note">{t('trends.market.sample')}</p>
      {snapshot.bands.length > 0 ? (
        <>
          <h4>{t('trends.market.bands')}</h4>
          <ul className="price-bands">
            {snapshot.bands.map((band) => (
              <li key={band.from} data-testid="price-band" data-from={band.from} data-to={band.to} data-count={band.count}>
                <span className="price-band-label">{formatPrice(band.from, band.to, lang)}</span>
                <span className="price-band-bar" style={{ width: `${(60 * band.count) / largest}%` }} />
                <span className="price-band-count">{band.count}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {snapshot.top.length > 0 ? (
        <>
          <h4>{t('trends.market.top')}</h4>
          <ol className="market-top" data-testid="market-top">
            {snapshot.top.map((result) => (
              <li key={`${result.rank}-${result.itemId ?? result.title}`} value={result.rank}>
                {result.title} · {result.price === null ? '—' : formatPrice(result.price, undefined, lang)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

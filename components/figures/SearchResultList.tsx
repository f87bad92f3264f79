/** Search results, compact: rank, title, price with its kind, sales, shop, ad marker. */
import type { SearchResult } from '../../lib/capture/schema';
import { formatCount, formatPrice } from '../../lib/i18n/format';
import { priceKindName } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';

export function SearchResultList({ results }: { results: readonly SearchResult[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="results">
      <h2 className="section-heading">{t('search.heading', { count: results.length })}</h2>
      <ol className="result-list" data-testid="search-results">
        {results.map((result) => (
          <li key={`${result.rank}-${result.itemId ?? result.title}`} className="result" data-testid="search-result">
            <span className="result-rank">{result.rank}</span>
            <div className="result-body">
              <div className="result-title">
                {result.sponsored ? <span className="chip chip-ad">{t('search.sponsored')}</span> : null}
                {result.title}
              </div>
              <div className="result-meta">
                {result.price ? (
                  <span className="result-price" data-price-kind={result.price.kind}>
                    {formatPrice(result.price.min, result.price.max, lang)}
                    {result.price.kind !== 'shown' ? ` ${priceKindName(result.price.kind, lang)}` : ''}
                  </span>
                ) : (
                  <em className="muted">{t('search.priceMissing')}</em>
                )}
                {result.sales ? (
                  <span className="result-sales">{result.sales.phrase ?? formatCount(result.sales.value, lang, result.sales.bound)}</span>
                ) : null}
                {result.shop ? <span className="result-shop">{result.shop}</span> : null}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

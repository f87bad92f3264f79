/**
 * A listing (a competitor's or the operator's own item page): title, id, the price with its
 * kind (券后价, 优惠前 …) and the page's own wording, the other prices apart, sales and reviews
 * with their bounds (10万+), stock, scores and promotions.
 */
import type { Listing, Price } from '../../lib/capture/schema';
import { formatCount, formatPrice, formatScore } from '../../lib/i18n/format';
import { metricName, priceKindName } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';

export function PriceText({ price }: { price: Price }) {
  const { t, lang } = useI18n();
  const kind = priceKindName(price.kind, lang);
  return (
    <>
      <span className="price-value">{formatPrice(price.min, price.max, lang)}</span>{' '}
      <span className="price-kind" data-price-kind={price.kind}>
        {kind}
      </span>
      {price.label && price.label !== kind ? (
        <span className="price-page-label"> {t('listing.pageLabel', { label: price.label })}</span>
      ) : null}
    </>
  );
}

export function ListingCard({ listing }: { listing: Listing }) {
  const { t, lang } = useI18n();
  return (
    <section className="listing">
      <h2 className="listing-title" data-testid="listing-title">
        {listing.title}
      </h2>
      <p className="listing-meta">
        <span data-testid="listing-item-id">{t('listing.itemId', { id: listing.itemId })}</span>
        {listing.shop?.name ? <span>{t('shop.name', { name: listing.shop.name })}</span> : null}
        {listing.category ? <span>{t('listing.category', { name: listing.category })}</span> : null}
      </p>

      <div className="listing-price" data-testid="listing-price" data-price-kind={listing.price?.kind ?? 'none'}>
        <span className="field-label">{t('listing.price')}</span>{' '}
        {listing.price ? <PriceText price={listing.price} /> : <em className="muted">{t('listing.priceMissing')}</em>}
      </div>

      {listing.otherPrices && listing.otherPrices.length > 0 ? (
        <div className="listing-other-prices">
          <span className="field-label">{t('listing.otherPrices')}</span>
          <ul data-testid="listing-other-prices">
            {listing.otherPrices.map((price, index) => (
              <li key={index}>
                <PriceText price={price} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <dl className="listing-facts">
        {listing.sales ? (
          <>
            <dt>{t('listing.sales')}</dt>
            <dd data-testid="listing-sales" data-bound={listing.sales.bound}>
              {formatCount(listing.sales.value, lang, listing.sales.bound)}
              {listing.sales.phrase ? <span className="phrase">{listing.sales.phrase}</span> : null}
            </dd>
          </>
        ) : null}
        {listing.reviews ? (
          <>
            <dt>{t('listing.reviews')}</dt>
            <dd data-testid="listing-reviews" data-bound={listing.reviews.bound}>
              {formatCount(listing.reviews.value, lang, listing.reviews.bound)}
              {listing.reviews.phrase ? <span className="phrase">{listing.reviews.phrase}</span> : null}
            </dd>
          </>
        ) : null}
        {listing.stock ? (
          <>
            <dt>{t('listing.stock')}</dt>
            <dd data-testid="listing-stock">
              {listing.stock.text}
              {listing.stock.quantity !== undefined ? (
                <span className="phrase">{t('listing.stockQuantity', { quantity: formatCount(listing.stock.quantity, lang) })}</span>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>

      {listing.scores && listing.scores.length > 0 ? (
        <div className="listing-scores">
          <span className="field-label">{t('listing.scores')}</span>
          <ul data-testid="listing-scores">
            {listing.scores.map((score, index) => {
              const canonical = score.metric ? metricName(score.metric, lang) : undefined;
              return (
                <li key={`${score.label}-${index}`} data-metric={score.metric}>
                  <span>{score.label}</span>
                  {canonical && canonical !== score.label ? <span className="figure-canonical">{canonical}</span> : null}{' '}
                  <strong>{formatScore(score.value)}</strong>
                  {score.level ? <span className="score-level">{score.level}</span> : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}

      {listing.promotions && listing.promotions.length > 0 ? (
        <div className="listing-promotions">
          <span className="field-label">{t('listing.promotions')}</span>
          <ul className="chips" data-testid="listing-promotions">
            {listing.promotions.map((promotion, index) => (
              <li key={index} className="chip">
                {promotion}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

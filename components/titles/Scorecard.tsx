/**
 * The listing scorecard in the panel (lib/scorecard/scorecard.ts): the score out of 100, and
 * every check with its status, points, what it saw and, when it failed or warned, what to fix.
 * Unchecked checks (no data) are shown as such, greyed, never as passed or failed.
 *
 * `ListingScorecard` finds the peers (other listings seen for the same keyword or category) with
 * index-range queries and scores; `ScorecardCard` only draws a scorecard.
 *
 * Stable hooks for tests (data-testid): scorecard, scorecard-score, scorecard-coverage,
 * scorecard-check (data-check, data-status), scorecard-detail, scorecard-fix.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Capture, Listing } from '../../lib/capture/schema';
import { scorecardPeerCaptures } from '../../lib/db/queries';
import type { ShopLensDb } from '../../lib/db/schema';
import type { MessageKey } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';
import { scoreListing, type CheckId, type CheckStatus, type Scorecard } from '../../lib/scorecard/scorecard';
import { corpusFromCaptures, peerFigures } from '../../lib/titles/corpus';
import './titles-view.css';

// Keys written out in full so the unused-key lint finds them.
const CHECK_KEYS = {
  title: 'scorecard.check.title',
  images: 'scorecard.check.images',
  video: 'scorecard.check.video',
  skuCount: 'scorecard.check.skuCount',
  skuPrice: 'scorecard.check.skuPrice',
  attributes: 'scorecard.check.attributes',
  shipping: 'scorecard.check.shipping',
  returns: 'scorecard.check.returns',
  promotions: 'scorecard.check.promotions',
  sales: 'scorecard.check.sales',
  reviews: 'scorecard.check.reviews',
  serviceScores: 'scorecard.check.serviceScores',
} as const satisfies Record<CheckId, MessageKey>;

const STATUS_KEYS = {
  pass: 'scorecard.status.pass',
  warn: 'scorecard.status.warn',
  fail: 'scorecard.status.fail',
  unchecked: 'scorecard.status.unchecked',
} as const satisfies Record<CheckStatus, MessageKey>;

export function ScorecardCard({ scorecard }: { scorecard: Scorecard }) {
  const { t, lang } = useI18n();
  const checkedCount = scorecard.checks.filter((check) => check.status !== 'unchecked').length;
  const band = scorecard.score === null ? 'none' : scorecard.score >= 80 ? 'good' : scorecard.score >= 60 ? 'fair' : 'poor';
  return (
    <section className="scorecard" data-testid="scorecard">
      <h2 className="section-heading">{t('scorecard.heading')}</h2>
      <p className={`scorecard-score is-${band}`} data-testid="scorecard-score" data-score={scorecard.score ?? ''}>
        {scorecard.score === null ? t('scorecard.noScore') : t('scorecard.score', { score: scorecard.score })}
      </p>
      <p className="muted" data-testid="scorecard-coverage">
        {t('scorecard.coverage', { checked: checkedCount, total: scorecard.checks.length })}
      </p>
      <ul className="scorecard-checks">
        {scorecard.checks.map((check) => (
          <li key={check.id} className={`scorecard-check is-${check.status}`} data-testid="scorecard-check" data-check={check.id} data-status={check.status}>
            <div className="scorecard-check-head">
              <span className="scorecard-check-name">{t(CHECK_KEYS[check.id])}</span>
              <span className={`scorecard-status is-${check.status}`}>{t(STATUS_KEYS[check.status])}</span>
              {check.points !== null ? (
                <span className="muted scorecard-points">{t('scorecard.points', { points: check.points, weight: check.weight })}</span>
              ) : null}
            </div>
            <p className="scorecard-detail" data-testid="scorecard-detail">
              {check.detail[lang]}
            </p>
            {check.fix ? (
              <p className="scorecard-fix" data-testid="scorecard-fix">
                {t('scorecard.fix', { fix: check.fix[lang] })}
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ListingScorecard({ db, capture }: { db: ShopLensDb; capture: Capture & { listing: Listing } }) {
  const { platform, listing } = capture;
  const peerCaptures = useLiveQuery(() => scorecardPeerCaptures(db, { platform, category: listing.category }), [db, platform, listing.category]);
  const scorecard = useMemo(() => {
    const peers = peerCaptures
      ? peerFigures(corpusFromCaptures(peerCaptures), { platform, itemId: listing.itemId, title: listing.title, category: listing.category })
      : undefined;
    return scoreListing({ platform, listing, peers });
  }, [peerCaptures, platform, listing]);
  return <ScorecardCard scorecard={scorecard} />;
}

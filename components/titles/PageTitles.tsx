/**
 * Titles for the page in view: on a listing page the audit of its title (own or competitor) and
 * the listing scorecard; on a listing editor the audit and suggestions of the title being typed,
 * with the editor's own counter and limit. Nothing on other pages.
 */
import { useMemo } from 'react';
import type { CaptureRow, ShopLensDb } from '../../lib/db/schema';
import { ListingScorecard } from './Scorecard';
import { TitlesView, type TitleSource } from './TitlesView';

export function PageTitles({ db, row }: { db: ShopLensDb; row: CaptureRow }) {
  const capture = row.capture;
  const source = useMemo<TitleSource | undefined>(() => {
    if (capture.pageKind === 'listing' && capture.listing) {
      return { kind: 'listing', platform: capture.platform, title: capture.listing.title, itemId: capture.listing.itemId };
    }
    if (capture.pageKind === 'editor' && capture.editor) {
      const { title, counter } = capture.editor;
      return counter ? { kind: 'editor', platform: capture.platform, title, counter } : { kind: 'editor', platform: capture.platform, title };
    }
    return undefined;
  }, [capture]);
  if (!source) return null;
  const listing = capture.pageKind === 'listing' ? capture.listing : null;
  return (
    <>
      <TitlesView db={db} source={source} />
      {listing ? <ListingScorecard db={db} capture={{ ...capture, listing }} /> : null}
    </>
  );
}

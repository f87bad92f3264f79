/**
 * 电商罗盘 live-room overviews: 直播概览 (`/shop/live-overview`, all rooms of the period) and one
 * room (`/shop/live-detail?live_room_id=N`). Figures: 直播间成交金额, 观看人数, GPM (千次观看成交金额,
 * yuan per thousand views), 观看-成交率, 人均观看时长 (stored in seconds: `1分4秒` → 64), 新增粉丝数 …
 *
 * Read from the rendered page (./dashboard.ts): cards, label/value lists, or a header row of
 * labels above one row of values (also as two tables, the fixed-header layout). The list of
 * rooms under the overview is a per-room table with many rows: it is not the overview and is
 * not read here. A room page names its room in the address; a capture without the room id
 * would mix rooms, so the id is required there.
 */
import type { CaptureIssue } from '../../capture/schema';
import type { Extracted, PageAdapter } from '../types';
import { boundedIssues, readDashboard } from './dashboard';
import { COMPASS_HOST, isCompassLiveUrl } from './urls';
import { COMPASS_LIVE_SECTION_TITLES } from './words';

const ROOM_ID = /^\d{1,25}$/;

function extractCompassLive(doc: Document, url: URL): Extracted {
  const issues: CaptureIssue[] = [];
  const base: Extracted = { period: null, metrics: [], listing: null, results: null, issues };
  if (url.pathname.replace(/\/+$/, '') === '/shop/live-detail') {
    const room = url.searchParams.get('live_room_id') ?? url.searchParams.get('room_id');
    if (room === null || !ROOM_ID.test(room)) {
      issues.push({ field: 'url', problem: 'a live-room page without a live_room_id: which room the figures are for is unknown' });
      return base;
    }
  }
  const reading = readDashboard(doc, COMPASS_LIVE_SECTION_TITLES);
  issues.push(...reading.issues);
  if (reading.metrics.length === 0) issues.unshift({ field: 'metrics', problem: 'no live-room figure found on the page' });
  if (!reading.period) issues.push({ field: 'period', problem: 'the page states no period (date picker or 统计时间)' });
  return { ...base, period: reading.period, metrics: reading.metrics, issues: boundedIssues(issues) };
}

export const compassLiveAdapter: PageAdapter = {
  id: 'douyin/compass-live',
  version: 1,
  platform: 'douyin',
  pageKind: 'dashboard',
  hosts: [`*://${COMPASS_HOST}/*`],
  sampleUrls: [
    'https://compass.jinritemai.com/shop/live-overview',
    'https://compass.jinritemai.com/shop/live-overview?from_page=%2Fshop',
    'https://compass.jinritemai.com/shop/live-detail?live_room_id=7412345678901234567',
    'http://compass.jinritemai.com/shop/live-detail/?live_room_id=1',
  ],
  matchesUrl: isCompassLiveUrl,
  detect(doc, url) {
    return extractCompassLive(doc, url).metrics.length > 0;
  },
  extract: extractCompassLive,
};

/**
 * The Titles view (components/titles/TitlesView.tsx): paste a title and pick a platform → audit;
 * jieba loaded lazily with a loading state; audit without tokens (and saying so) when it fails;
 * suggestions from the captured corpus; the editor's own counter; the panel's header switch.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TitlesView, type TitleSource } from '../../../components/titles/TitlesView';
import type { Capture, SearchResult } from '../../../lib/capture/schema';
import type { ShopLensDb } from '../../../lib/db/schema';
import { entityOf } from '../../../lib/db/store';
import { I18nProvider } from '../../../lib/i18n/react';
import type { Segmenter, SegmenterLoader } from '../../../lib/titles/segment';
import { nodeSegmenter } from '../../../lib/titles/segment-node';
import { captureRow, freshDb, seed } from '../db/seed-rows';
import { pinPanelTo, renderPanel } from './panel-helpers';

let db: ShopLensDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

const readyLoader: SegmenterLoader = () => Promise.resolve(nodeSegmenter());

function renderView(props: { source?: TitleSource; loadSegmenter?: SegmenterLoader } = {}, lang: 'zh' | 'en' = 'zh') {
  return render(
    <I18nProvider initialLang={lang}>
      <TitlesView db={db} {...props} />
    </I18nProvider>,
  );
}

function typeTitle(text: string) {
  fireEvent.change(screen.getByTestId('titles-input'), { target: { value: text } });
}

function searchCapture(keyword: string, capturedAt: string, results: SearchResult[]): Capture {
  return {
    platform: 'taobao',
    pageKind: 'search',
    url: `https://s.taobao.com/search?q=${encodeURIComponent(keyword)}`,
    capturedAt,
    adapter: { id: 'test/search', version: 1 },
    period: null,
    metrics: [],
    listing: null,
    results,
    issues: [],
  };
}

const COMPETITORS: SearchResult[] = [
  '316不锈钢保温杯女士大容量便携水杯',
  '保温杯男士大容量316不锈钢车载杯子',
  '智能保温杯 316不锈钢 大容量 女士',
  '儿童保温杯 吸管 大容量 不锈钢',
  '316不锈钢保温杯 学生 便携 大容量',
].map((title, i) => ({ rank: i + 1, title, price: null, itemId: String(100 + i), sales: { value: 10000 / (i + 1), bound: 'exact' as const } }));

describe('the free view: paste a title, pick a platform', () => {
  it('audits the pasted title for the chosen platform, with jieba tokens once loaded', async () => {
    const loader = vi.fn(readyLoader);
    renderView({ loadSegmenter: loader });
    expect(screen.getByTestId('titles-view').dataset.mode).toBe('free');
    // Nothing to segment yet: jieba is not loaded.
    expect(loader).not.toHaveBeenCalled();
    expect(screen.queryByTestId('title-audit')).toBeNull();

    typeTitle('顶级316不锈钢保温杯女士大容量便携水杯');
    fireEvent.change(screen.getByTestId('titles-platform'), { target: { value: 'jd' } });
    await waitFor(() => expect(screen.getByTestId('titles-segmenter').dataset.state).toBe('ready'));
    expect(loader).toHaveBeenCalledTimes(1);
    expect(Number(screen.getByTestId('titles-segmenter').dataset.loadMs)).toBeGreaterThanOrEqual(0);

    const audit = screen.getByTestId('title-audit');
    expect(within(audit).getByRole('heading', { level: 2 }).textContent).toBe('标题检查 · 京东');
    expect(screen.getByTestId('title-length').textContent).toContain('/50');
    expect(screen.getAllByTestId('title-finding').map((li) => li.dataset.rule)).toContain('word.absolute');
    const tokens = screen.getAllByTestId('title-token');
    expect(tokens.find((token) => token.textContent === '保温杯')?.dataset.role).toBe('product');
  });

  it('shows a loading state while jieba loads, with the audit already there', async () => {
    let resolve!: (segmenter: Segmenter) => void;
    renderView({ loadSegmenter: () => new Promise<Segmenter>((done) => (resolve = done)) });
    typeTitle('保温杯女士大容量');
    await waitFor(() => expect(screen.getByTestId('titles-segmenter').dataset.state).toBe('loading'));
    expect(screen.getByTestId('titles-segmenter').textContent).toContain('正在加载分词词典');
    expect(screen.getByTestId('title-audit')).toBeTruthy();
    expect(screen.queryAllByTestId('title-token')).toEqual([]);
    await act(async () => resolve(nodeSegmenter()));
    await waitFor(() => expect(screen.getAllByTestId('title-token').length).toBeGreaterThan(0));
  });

  it('falls back to the audit without tokens when jieba fails, and says why', async () => {
    renderView({ loadSegmenter: () => Promise.reject(new Error('WebAssembly.instantiate(): blocked by CSP')) });
    typeTitle('顶级保温杯 永久不褪色');
    await waitFor(() => expect(screen.getByTestId('titles-segmenter').dataset.state).toBe('failed'));
    const status = screen.getByTestId('titles-segmenter').textContent!;
    expect(status).toContain('分词没有加载成功（WebAssembly.instantiate(): blocked by CSP）');
    expect(status).toContain('只检查长度和风险词');
    const rules = screen.getAllByTestId('title-finding').map((li) => li.dataset.rule);
    expect(rules).toEqual(expect.arrayContaining(['word.absolute', 'word.guarantee']));
    expect(screen.queryAllByTestId('title-token')).toEqual([]);
    expect(screen.queryByTestId('title-suggestions')).toBeNull();
  });

  it('speaks English', async () => {
    renderView({ loadSegmenter: () => Promise.reject(new Error('offline')) }, 'en');
    typeTitle('保温杯');
    await waitFor(() => expect(screen.getByTestId('titles-segmenter').dataset.state).toBe('failed'));
    expect(screen.getByTestId('titles-segmenter').textContent).toBe(
      'The word segmenter did not load (offline): the check below covers length and risky words only, without word roles or keyword suggestions.',
    );
  });
});

describe('suggestions from the corpus', () => {
  it('says there are no competitor titles yet when nothing was captured', async () => {
    renderView({ loadSegmenter: readyLoader });
    typeTitle('保温杯女士');
    await waitFor(() => expect(screen.getByTestId('titles-corpus-none').textContent).toContain('打开淘宝/天猫的搜索结果页或商品页'));
    expect(screen.queryByTestId('title-suggestions')).toBeNull();
  });

  it('suggests words from the searches captured for the keyword', async () => {
    const capture = searchCapture('保温杯', '2026-11-22T00:00:00.000Z', COMPETITORS);
    await seed(db, { captures: [captureRow(capture, entityOf(capture)!.key)] });
    renderView({ loadSegmenter: readyLoader });
    typeTitle('保温杯 水杯');
    fireEvent.change(screen.getByTestId('titles-keyword'), { target: { value: '保温杯' } });
    await waitFor(() => expect(screen.getByTestId('titles-corpus').textContent).toContain('竞品：搜索“保温杯”的结果'));
    const suggestions = await screen.findByTestId('title-suggestions');
    expect(within(suggestions).getByRole('heading', { level: 3 }).textContent).toBe('关键词建议（5 个竞品标题）');
    const missing = screen.getAllByTestId('title-missing').map((li) => li.querySelector('strong')!.textContent);
    expect(missing).toContain('大容量');
    expect(missing).not.toContain('保温杯');
  });
});

describe('a page’s title', () => {
  it('audits the editor’s title against the editor’s own counter', async () => {
    renderView({ loadSegmenter: readyLoader, source: { kind: 'editor', platform: 'pinduoduo', title: '保温杯女士大容量便携', counter: { length: 10, limit: 30 } } });
    expect(screen.getByTestId('titles-view').dataset.mode).toBe('editor');
    expect(screen.getByTestId('titles-source-title').textContent).toBe('保温杯女士大容量便携');
    expect(screen.queryByTestId('titles-input')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('titles-segmenter').dataset.state).toBe('ready'));
    // 10 characters on a counter that says 10: the page counts characters, limit 30.
    expect(screen.getByTestId('title-length').textContent).toContain('长度 10/30');
    expect(screen.getByText(/上限取自编辑页的计数器/)).toBeTruthy();
  });

  it('renders a hostile listing title as text', async () => {
    renderView({ loadSegmenter: readyLoader, source: { kind: 'listing', platform: 'taobao', title: '保温杯<img src=x onerror=alert(1)>', itemId: '1' } });
    expect(screen.getByTestId('titles-source-title').textContent).toBe('保温杯<img src=x onerror=alert(1)>');
    expect(screen.getByTestId('titles-view').querySelector('img')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('titles-segmenter').dataset.state).toBe('ready'));
  });
});

describe('in the panel', () => {
  it('switches to the Title tools from the header and back', async () => {
    pinPanelTo(null);
    renderPanel(db);
    fireEvent.click(screen.getByTestId('panel-view-titles'));
    expect(screen.getByTestId('titles-view').dataset.mode).toBe('free');
    expect(screen.getByTestId('panel-view-titles').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('panel-view-page'));
    expect(screen.queryByTestId('titles-view')).toBeNull();
  });
});

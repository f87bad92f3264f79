/**
 * The options page's background refresh section (components/settings/BackgroundRefreshSection):
 * the explanation in both languages, the switch (off by default) and the pace saved through the
 * background, the stop with its reason and the way back, and each watched listing's own mark.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BackgroundRefreshSection } from '../../../components/settings/BackgroundRefreshSection';
import { handlePanelMessage } from '../../../lib/background/handle-panel';
import type { ShopLensDb } from '../../../lib/db/schema';
import type { Lang } from '../../../lib/i18n';
import { I18nProvider } from '../../../lib/i18n/react';
import { readRefreshSettings } from '../../../lib/settings/background-refresh';
import { pinEntity, saveRefreshSettings, stopRefresh, updateWatch } from '../../../lib/watch/store';
import { freshDb } from '../db/seed-rows';

let db: ShopLensDb;
let changes = 0;
const SLOW = { timeout: 5000 };

beforeEach(() => {
  db = freshDb();
  changes = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) =>
    handlePanelMessage(message, { url: fakeBrowser.runtime.getURL('/options.html') }, { db, extensionRoot: fakeBrowser.runtime.getURL('/'), onRefreshChanged: () => void changes++ }),
  );
});

afterEach(async () => {
  cleanup();
  localStorage.clear();
  db.close();
  await db.delete();
});

function show(lang: Lang = 'zh') {
  render(
    <I18nProvider initialLang={lang}>
      <BackgroundRefreshSection db={db} />
    </I18nProvider>,
  );
  return screen.getByTestId('background-refresh-section');
}

const toggle = () => screen.getByTestId('refresh-switch') as HTMLInputElement;

describe('the background refresh section', () => {
  it.each([
    ['zh', ['1 分钟', '22:00', '08:00', '北京时间', '验证码', '滑块', '操作过于频繁', '商家后台', '默认关闭']],
    ['en', ['one minute', '22:00', '08:00', 'China time', 'captcha', 'slider', 'too frequent', 'seller backend', 'off by default']],
  ] as const)('explains what it does and its limits (%s)', async (lang, words) => {
    const section = show(lang);
    await waitFor(() => expect(toggle().disabled).toBe(false), SLOW);
    for (const word of words) expect(section.textContent, word).toContain(word);
    expect(toggle().checked).toBe(false);
  });

  it('switching on and setting the pace go through the background and are stored', async () => {
    show();
    await waitFor(() => expect(toggle().disabled).toBe(false), SLOW);
    await act(async () => {
      fireEvent.click(toggle());
    });
    await waitFor(async () => expect((await readRefreshSettings(db)).enabled).toBe(true), SLOW);
    await waitFor(() => expect(toggle().checked).toBe(true), SLOW);
    expect(changes).toBe(1);

    fireEvent.change(screen.getByTestId('refresh-minutes'), { target: { value: '0' } });
    expect((screen.getByTestId('refresh-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('refresh-minutes'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('refresh-hours'), { target: { value: '24' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('refresh-save'));
    });
    await waitFor(async () => expect(await readRefreshSettings(db)).toMatchObject({ minutesBetweenPages: 3, hoursPerPage: 24, enabled: true }), SLOW);
  });

  it('shows why it stopped, and turning it on again clears the stop', async () => {
    await saveRefreshSettings(db, { enabled: true });
    await stopRefresh(db, { kind: 'tooFrequent', evidence: '操作过于频繁' }, 'https://item.taobao.com/item.htm?id=1', new Date('2026-11-22T06:00:00.000Z'));
    show();
    const stopped = await screen.findByTestId('refresh-stopped', {}, SLOW);
    expect(stopped.dataset.kind).toBe('tooFrequent');
    expect(stopped.textContent).toContain('https://item.taobao.com/item.htm?id=1');
    expect(stopped.textContent).toContain('操作过于频繁');
    expect(toggle().checked).toBe(false);
    await act(async () => {
      fireEvent.click(screen.getByTestId('refresh-resume'));
    });
    await waitFor(() => expect(screen.queryByTestId('refresh-stopped')).toBeNull(), SLOW);
    expect(await readRefreshSettings(db)).toMatchObject({ enabled: true });
    expect((await readRefreshSettings(db)).stopped).toBeUndefined();
  });

  it('lists the watched public listings with their own marks, never other watches', async () => {
    const now = new Date('2026-11-22T06:00:00.000Z');
    await pinEntity(db, { key: 'taobao:item:1', platform: 'taobao', kind: 'item', ref: '1', name: '保温杯', url: 'https://item.taobao.com/item.htm?id=1' }, now);
    await pinEntity(db, { key: 'jd:item:100066896338', platform: 'jd', kind: 'item', ref: '100066896338', name: '电饭煲', url: 'https://item.jd.com/100066896338.html' }, now);
    await updateWatch(db, 'jd:item:100066896338', { refresh: true }, now);
    await pinEntity(db, { key: 'taobao:shop:5000123', platform: 'taobao', kind: 'shop', ref: '5000123', name: '山茶花旗舰店' }, now);
    await pinEntity(db, { key: 'taobao:item:2', platform: 'taobao', kind: 'item', ref: '2', name: '后台商品', url: 'https://sycm.taobao.com/cc/item?id=2' }, now);
    show();
    await waitFor(() => expect(screen.getAllByTestId('refresh-watch')).toHaveLength(2), SLOW);
    const rows = screen.getAllByTestId('refresh-watch');
    expect(rows.map((row) => [row.dataset.key, row.dataset.marked])).toEqual([
      ['taobao:item:1', 'false'],
      ['jd:item:100066896338', 'true'],
    ]);
    await act(async () => {
      fireEvent.click(within(rows[0]!).getByRole('checkbox'));
    });
    await waitFor(async () => expect((await db.watches.get('taobao:item:1'))?.refresh).toBe(true), SLOW);
  });

  it('says how a listing gets here when none is watched', async () => {
    show('en');
    expect((await screen.findByTestId('refresh-watches-none', {}, SLOW)).textContent).toContain('pin a listing');
  });
});

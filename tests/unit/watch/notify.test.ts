import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MAX_NOTIFICATIONS_PER_CAPTURE, NOTIFICATION_ICON, notifyAlerts } from '../../../lib/background/notify';
import { LANG_STORAGE_KEY, type Lang } from '../../../lib/i18n';
import { readLangChoice } from '../../../lib/i18n/stored-lang';
import type { AlertRow } from '../../../lib/watch/types';

const alert = (i: number): AlertRow => ({
  id: `taobao:item:1|title|t${i}`,
  watchKey: 'taobao:item:1',
  watchName: '保温杯',
  ruleId: 'title',
  at: 't',
  captureId: 'c',
  seen: 0,
  alert: { type: 'title', from: 'a', to: `b${i}` },
});

function recorder() {
  const shown: { id: string; title: string; message: string }[] = [];
  const api = { create: async (id: string, options: { title: string; message: string }) => (shown.push({ id, title: options.title, message: options.message }), id) };
  return { api, shown };
}

describe('notifications', () => {
  it('shows a few alerts per capture, titled in the language, with the inline icon', async () => {
    const shown: { id: string; type: string; title: string; message: string; iconUrl: string }[] = [];
    const api = { create: async (id: string, options: { type: 'basic'; title: string; message: string; iconUrl: string }) => (shown.push({ id, ...options }), id) };
    const count = await notifyAlerts(api, [1, 2, 3, 4, 5].map(alert), 'en');
    expect(count).toBe(MAX_NOTIFICATIONS_PER_CAPTURE);
    expect(shown[0]).toEqual({ id: 'shoplens:taobao:item:1|title|t1', type: 'basic', title: 'Title changed', message: '保温杯: a → b1', iconUrl: NOTIFICATION_ICON });
    expect(NOTIFICATION_ICON.startsWith('data:image/png;base64,')).toBe(true);
  });

  // The background passes the operator's stored choice (lib/i18n/stored-lang.ts), as here.
  const storedChoice = () => readLangChoice(fakeBrowser.storage.local);

  it.each([
    ['en', 'Title changed'],
    ['zh', '标题已更改'],
    ['fr', '标题已更改'],
    [undefined, '标题已更改'],
  ] as const)('the panel’s stored choice %s → titled %s, whatever the browser’s language', async (stored, title) => {
    expect(navigator.language).toMatch(/^en/); // jsdom's browser speaks English: the Chinese cases do not follow it
    if (stored !== undefined) await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: stored });
    const { api, shown } = recorder();
    await notifyAlerts(api, [alert(1)], storedChoice);
    expect(shown.map((n) => n.title)).toEqual([title]);
  });

  it('reads the choice when it notifies, so a switch holds for the next notification', async () => {
    const { api, shown } = recorder();
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    await notifyAlerts(api, [alert(1)], storedChoice);
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'zh' });
    await notifyAlerts(api, [alert(2)], storedChoice);
    await fakeBrowser.storage.local.set({ [LANG_STORAGE_KEY]: 'en' });
    await notifyAlerts(api, [alert(3)], storedChoice);
    expect(shown.map((n) => n.title)).toEqual(['Title changed', '标题已更改', 'Title changed']);
  });

  it('reads no language when there is nothing to notify, and notifies in the default when reading fails', async () => {
    const reads: Lang[] = [];
    const counting = () => (reads.push('en'), 'en' as const);
    const { api, shown } = recorder();
    expect(await notifyAlerts(api, [], counting)).toBe(0);
    expect(reads).toEqual([]);

    expect(await notifyAlerts(api, [alert(1)], () => Promise.reject(new Error('storage gone')))).toBe(1);
    expect(shown.map((n) => n.title)).toEqual(['标题已更改']);
  });

  it('a failing notification never throws', async () => {
    const api = { create: async () => Promise.reject(new Error('no permission')) };
    expect(await notifyAlerts(api, [alert(1)], 'zh')).toBe(0);
    expect(await notifyAlerts(undefined, [alert(1)], 'zh')).toBe(0);
  });
});

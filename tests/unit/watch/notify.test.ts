import { describe, expect, it } from 'vitest';
import { MAX_NOTIFICATIONS_PER_CAPTURE, NOTIFICATION_ICON, notificationLang, notifyAlerts } from '../../../lib/background/notify';
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

describe('notifications', () => {
  it.each([
    ['zh-CN', 'zh'],
    ['en-GB', 'en'],
    ['fr', 'zh'],
    [undefined, 'zh'],
  ] as const)('%s → %s', (ui, lang) => {
    expect(notificationLang(ui)).toBe(lang);
  });

  it('shows a few alerts per capture, titled in the language, with the inline icon', async () => {
    const shown: { id: string; type: string; title: string; message: string; iconUrl: string }[] = [];
    const api = { create: async (id: string, options: { type: 'basic'; title: string; message: string; iconUrl: string }) => (shown.push({ id, ...options }), id) };
    const count = await notifyAlerts(api, [1, 2, 3, 4, 5].map(alert), 'en');
    expect(count).toBe(MAX_NOTIFICATIONS_PER_CAPTURE);
    expect(shown[0]).toEqual({ id: 'shoplens:taobao:item:1|title|t1', type: 'basic', title: 'Title changed', message: '保温杯: a → b1', iconUrl: NOTIFICATION_ICON });
    expect(NOTIFICATION_ICON.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('a failing notification never throws', async () => {
    const api = { create: async () => Promise.reject(new Error('no permission')) };
    expect(await notifyAlerts(api, [alert(1)], 'zh')).toBe(0);
    expect(await notifyAlerts(undefined, [alert(1)], 'zh')).toBe(0);
  });
});

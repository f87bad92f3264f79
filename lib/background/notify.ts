/**
 * Browser notifications for new alerts (the `notifications` permission). One notification per
 * alert, titled in the operator's language; the alert list in the panel keeps them all.
 * Notifications are a courtesy: a failure to show one never fails the capture.
 */
import { DEFAULT_LANG, type Lang } from '../i18n';
import { describeAlert } from '../watch/describe';
import type { AlertRow } from '../watch/types';

/** A 48 px magnifier on teal, inline so the notification needs no packaged file. */
export const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAtElEQVR42u3ZUQ6AIAwDUG7gTf30+noEw9bRDrrET9FHDI4yrud+O1/DAAMMMMAAOuCvZAGzJQPIFhWAKgoAXUsB0ZepRqQBq+5PAVAPr0CEAciltxSAnjX0eGP1jKHHNMAAA04EtFpG2//Itmgl2jdzW7TTFRuapZ+QKoKyqUciKLEKEkELtlAIarSIQNCz0SxCItzNIGTS6ShCKl6PIOTOB9oDZltu2ROa9gCfkRlgwCGAD7Qdwx19MAMNAAAAAElFTkSuQmCC';

/** At most this many notifications per capture; the rest are in the alert list. */
export const MAX_NOTIFICATIONS_PER_CAPTURE = 3;

export interface NotificationsApi {
  create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number }): Promise<string> | void;
}

/**
 * A notification's language: fixed, or read when a notification is about to be shown (the
 * background passes the operator's stored choice, lib/i18n/stored-lang.ts, so a switch in the
 * panel holds for the next notification without restarting the service worker).
 */
export type NotificationLang = Lang | (() => Lang | Promise<Lang>);

/** The language to show a notification in now; the default when reading the choice fails (a notification never fails its caller). */
export async function notificationLangNow(lang: NotificationLang): Promise<Lang> {
  try {
    return typeof lang === 'function' ? await lang() : lang;
  } catch {
    return DEFAULT_LANG;
  }
}

export async function notifyAlerts(api: NotificationsApi | undefined, alerts: readonly AlertRow[], language: NotificationLang): Promise<number> {
  if (!api || alerts.length === 0) return 0;
  const lang = await notificationLangNow(language);
  let shown = 0;
  for (const alert of alerts.slice(0, MAX_NOTIFICATIONS_PER_CAPTURE)) {
    const text = describeAlert(alert, lang);
    try {
      await api.create(`shoplens:${alert.id}`, { type: 'basic', iconUrl: NOTIFICATION_ICON, title: text.title, message: text.body.slice(0, 300) });
      shown++;
    } catch (error) {
      console.warn('ShopLens: notification failed', error);
    }
  }
  return shown;
}

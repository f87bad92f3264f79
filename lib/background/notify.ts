/**
 * Browser notifications for new alerts (the `notifications` permission). One notification per
 * alert, titled in the operator's language; the alert list in the panel keeps them all.
 * Notifications are a courtesy: a failure to show one never fails the capture.
 */
import { DEFAULT_LANG, isLang, type Lang } from '../i18n';
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

/** The browser's interface language, when it is one ShopLens speaks. */
export function notificationLang(uiLanguage: string | undefined): Lang {
  const short = uiLanguage?.toLowerCase().split('-')[0];
  return isLang(short) ? short : DEFAULT_LANG;
}

export async function notifyAlerts(api: NotificationsApi | undefined, alerts: readonly AlertRow[], lang: Lang): Promise<number> {
  if (!api) return 0;
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

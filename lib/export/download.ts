/**
 * Saving a file from an extension page: a Blob and a temporary `<a download>` link. No
 * `downloads` permission is needed, and nothing leaves the browser (the Blob URL is local).
 */

export const CSV_MIME = 'text/csv;charset=utf-8';
export const JSON_MIME = 'application/json;charset=utf-8';

/** How long the Blob URL stays valid: the browser reads it when the save starts. */
const REVOKE_AFTER_MS = 60_000;

export function downloadText(text: string, fileName: string, mime: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

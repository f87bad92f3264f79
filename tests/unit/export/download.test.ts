/**
 * Saving a file from an extension page (lib/export/download.ts): a Blob URL on a temporary
 * `<a download>` that is clicked, removed, and its URL revoked later. No `downloads` permission.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CSV_MIME, downloadText } from '../../../lib/export/download';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('downloadText', () => {
  it('clicks a hidden download link to a Blob of the text, then cleans up', () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const created = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:chrome-extension://test/1234';
    });
    const revoked = vi.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
      expect(this.isConnected).toBe(true);
    });

    downloadText('\ufeff日期,数值\r\n', 'shoplens-history-2026-11-22.csv', CSV_MIME);

    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('shoplens-history-2026-11-22.csv');
    expect(clicked[0]!.href).toBe('blob:chrome-extension://test/1234');
    expect(clicked[0]!.isConnected).toBe(false);
    expect(blobs[0]!.type).toBe(CSV_MIME);
    // UTF-8 with its byte-order mark kept: 3 bytes of BOM, 3 per Chinese character.
    expect(blobs[0]!.size).toBe(new TextEncoder().encode('\ufeff日期,数值\r\n').byteLength);
    expect(revoked).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoked).toHaveBeenCalledWith('blob:chrome-extension://test/1234');
  });
});

/**
 * A full disk, surfaced where the operator looks: the side panel shows the background's record
 * of refused captures (components/data/StorageFullNotice.tsx), appears while the panel is open,
 * and goes once retention freed space (the record cleared).
 */
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clearStorageFull, recordStorageFull } from '../../../lib/db/retention';
import { dropDatabases, freshDb } from '../db/demo-database';
import { expectState, pinPanelTo, renderPanel } from '../panel/panel-helpers';

afterEach(dropDatabases);

describe('the side panel on a full disk', () => {
  it('says nothing while the disk is fine, then shows the notice as soon as a capture is refused, until it is cleared', async () => {
    pinPanelTo('https://example.com/');
    renderPanel(freshDb());
    await expectState('unsupported');
    expect(screen.queryByTestId('storage-full')).toBeNull();

    await recordStorageFull(new Date('2026-11-22T01:00:00.000Z'));
    const notice = await screen.findByTestId('storage-full');
    expect(notice.getAttribute('role')).toBe('alert');
    expect(notice.textContent).toContain('磁盘空间已满');
    expect(notice.textContent).toContain('1 次读取的数据没有保存');

    await clearStorageFull();
    await waitFor(() => expect(screen.queryByTestId('storage-full')).toBeNull());
  });

  it('is shown at once when the panel opens on a full disk, in English after the switch', async () => {
    localStorage.setItem('shoplens.lang', 'en');
    await recordStorageFull(new Date('2026-11-22T01:00:00.000Z'));
    await recordStorageFull(new Date('2026-11-22T02:00:00.000Z'));
    pinPanelTo('https://example.com/');
    renderPanel(freshDb());
    expect((await screen.findByTestId('storage-full')).textContent).toContain('2 page readings could not be saved (nothing was half-written)');
  });
});

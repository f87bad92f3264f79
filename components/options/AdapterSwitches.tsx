/**
 * One on/off switch per page adapter (the kill switches, lib/settings/disabled-adapters.ts).
 * Reads the stored list, writes each flip at once (one write at a time, so two quick flips
 * cannot overwrite each other), and follows changes made from another options tab.
 *
 * Stable hooks for tests (data-testid): adapter-switches, adapter-switch-row (data-adapter,
 * data-enabled), adapter-switch (the checkbox, role="switch"), options-error.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PageAdapter } from '../../lib/adapters/types';
import { pageKindName, platformName } from '../../lib/i18n';
import { useI18n } from '../../lib/i18n/react';
import {
  DISABLED_ADAPTERS_KEY,
  parseDisabledAdapters,
  readDisabledAdapters,
  setAdapterEnabled,
  type StorageAreaLike,
} from '../../lib/settings/disabled-adapters';

/** Subscribes to changes of the stored list; returns the unsubscribe function. */
export type WatchDisabled = (onChange: (disabled: Set<string>) => void) => () => void;

export interface AdapterSwitchesProps {
  adapters: readonly PageAdapter[];
  area: StorageAreaLike;
  watch?: WatchDisabled;
}

/** Watches `storage.onChanged` for the `disabledAdapters` key of the local area. */
export function watchStorageChanges(onChanged: {
  addListener(listener: (changes: Record<string, { newValue?: unknown }>, areaName: string) => void): void;
  removeListener(listener: (changes: Record<string, { newValue?: unknown }>, areaName: string) => void): void;
}): WatchDisabled {
  return (onChange) => {
    const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
      if (areaName === 'local' && DISABLED_ADAPTERS_KEY in changes) onChange(parseDisabledAdapters(changes[DISABLED_ADAPTERS_KEY]?.newValue));
    };
    onChanged.addListener(listener);
    return () => onChanged.removeListener(listener);
  };
}

export function AdapterSwitches({ adapters, area, watch }: AdapterSwitchesProps) {
  const { t, lang } = useI18n();
  const [disabled, setDisabled] = useState<Set<string> | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const writes = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void readDisabledAdapters(area).then((stored) => {
      if (live) setDisabled(stored);
    });
    const unwatch = watch?.((stored) => {
      if (live) setDisabled(stored);
    });
    return () => {
      live = false;
      unwatch?.();
    };
  }, [area, watch]);

  const flip = useCallback(
    (id: string, enabled: boolean) => {
      setError(undefined);
      setDisabled((current) => {
        const next = new Set(current);
        if (enabled) next.delete(id);
        else next.add(id);
        return next;
      });
      writes.current = writes.current.then(
        () => setAdapterEnabled(id, enabled, area),
      ).then(undefined, async (failure: unknown) => {
        setError(failure instanceof Error ? failure.message : String(failure));
        setDisabled(await readDisabledAdapters(area));
      });
    },
    [area],
  );

  if (adapters.length === 0) return <p className="muted">{t('options.adapters.none')}</p>;
  if (!disabled) return <p className="muted">{t('options.adapters.loading')}</p>;
  return (
    <>
      {error ? (
        <p className="options-error" role="alert" data-testid="options-error">
          {t('options.adapters.saveFailed', { reason: error })}
        </p>
      ) : null}
      <ul className="adapter-switches" data-testid="adapter-switches">
        {adapters.map((adapter) => {
          const enabled = !disabled.has(adapter.id);
          const page = `${platformName(adapter.platform, lang)} · ${pageKindName(adapter.pageKind, lang)}`;
          return (
            <li key={adapter.id} className="adapter-switch-row" data-testid="adapter-switch-row" data-adapter={adapter.id} data-enabled={enabled}>
              <div className="adapter-switch-text">
                <div className="adapter-switch-page">{page}</div>
                <code className="adapter-switch-id">{adapter.id}</code>
                {adapter.hosts.length > 0 ? (
                  <div className="adapter-switch-hosts muted">{t('options.adapters.hosts', { hosts: adapter.hosts.join(', ') })}</div>
                ) : null}
              </div>
              <label className="adapter-switch">
                <input
                  type="checkbox"
                  role="switch"
                  data-testid="adapter-switch"
                  checked={enabled}
                  aria-checked={enabled}
                  aria-label={t('options.adapters.toggle', { page, id: adapter.id })}
                  onChange={(event) => flip(adapter.id, event.currentTarget.checked)}
                />
                <span className="adapter-switch-state">{enabled ? t('options.adapters.on') : t('options.adapters.off')}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </>
  );
}

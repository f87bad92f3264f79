/**
 * The background's side of the data port (DATA_PORT_NAME): restore, retention and re-derive,
 * requested by the options page. The background is the only database writer, so these run here
 * and extension pages only ask.
 *
 * Checks, in order:
 *   1. sender: the port's sender address must be on the extension's own origin
 *      (`chrome-extension://<id>/…`); a content script's port carries the marketplace page's
 *      address and is refused and closed at once;
 *   2. shape: every request is parsed with `dataRequestSchema` (bounded chunk sizes);
 *   3. content: backup records are validated one by one with the row schemas of
 *      lib/db/backup.ts as they arrive, and nothing is written before `restore-commit`, which
 *      writes everything in one transaction.
 * Writing operations from any number of pages run one at a time.
 */
import type { ShopLensDb } from '../db/schema';
import { checkHeader, isQuotaError, RestoreValidator, writeRestore, type RestoreMode } from '../db/backup';
import { rederiveObservations } from '../db/rederive';
import { clearStorageFull, pruneCaptures, readRetention, writeRetention, type PruneResult, type RetentionSettings } from '../db/retention';
import { dataRequestSchema, DATA_PORT_NAME, type DataRejectReason, type DataReply, type DataRequest, type DataResult } from './messages';

/** The parts of `runtime.Port` the handler uses, so tests can pass an in-memory pair. */
export interface DataPort {
  name: string;
  sender?: { url?: string };
  postMessage(message: DataReply): void;
  onMessage: { addListener(callback: (message: unknown) => void): void };
  onDisconnect: { addListener(callback: () => void): void };
  disconnect(): void;
}

export interface DataDeps {
  db: ShopLensDb;
  /** `runtime.getURL('/')`: `chrome-extension://<id>/` (or `moz-extension://<uuid>/`). */
  extensionOrigin: string;
  /** Adapter id → current version, for the re-derive summary (from the registry). */
  currentVersions?: Readonly<Record<string, number>>;
  now?: () => Date;
}

/** True when `url` is a page of this extension (never a web page, never another extension). */
export function isExtensionPageUrl(url: string | undefined, extensionOrigin: string): boolean {
  if (!url || !/^[a-z-]+-extension:\/\/[^/]+\/$/.test(extensionOrigin)) return false;
  return url.startsWith(extensionOrigin);
}

// Writing operations run one at a time, whichever page asked (a restore while a re-derive runs
// would interleave their chunks). The service worker is single-threaded: a promise chain is enough.
let writeQueue: Promise<unknown> = Promise.resolve();
function exclusive<T>(task: () => Promise<T>): Promise<T> {
  const run = writeQueue.then(task, task);
  writeQueue = run.catch(() => undefined);
  return run;
}

/** Applies a retention setting: prunes old captures and, when space was freed, clears the "disk full" warning. */
export async function applyRetention(db: ShopLensDb, settings: RetentionSettings, now: Date = new Date()): Promise<PruneResult> {
  const result = await exclusive(() => pruneCaptures(db, settings, now));
  if (result.deleted > 0) await clearStorageFull();
  return result;
}

/** Applies the stored setting (when the service worker starts). Never throws. */
export async function applyStoredRetention(db: ShopLensDb, now: Date = new Date()): Promise<PruneResult | undefined> {
  try {
    return await applyRetention(db, await readRetention(), now);
  } catch (error) {
    console.warn('ShopLens: retention failed', error);
    return undefined;
  }
}

interface RestoreSession {
  mode: RestoreMode;
  validator: RestoreValidator;
  total: number;
}

const refused = (reason: DataRejectReason, detail?: string): DataReply => (detail ? { type: 'refused', reason, detail } : { type: 'refused', reason });

function failure(error: unknown): DataReply {
  if (isQuotaError(error)) return refused('quota', 'the disk is full');
  return refused('failed', error instanceof Error ? error.message.slice(0, 200) : undefined);
}

/**
 * Answers the requests of one port. Returns the final reply; progress replies go through `post`.
 * The session (a restore in progress) belongs to the port.
 */
async function handleRequest(
  request: DataRequest,
  state: { session?: RestoreSession },
  deps: DataDeps,
  post: (reply: DataReply) => void,
): Promise<DataReply> {
  switch (request.type) {
    case 'restore-begin': {
      const checked = checkHeader(request.header, deps.db);
      if (!checked.ok) {
        state.session = undefined;
        return { type: 'refused', reason: 'restore-refused', error: checked.error };
      }
      state.session = { mode: request.mode, validator: new RestoreValidator(deps.db, checked.header), total: request.total };
      return { type: 'accepted', received: 0 };
    }
    case 'restore-records': {
      const session = state.session;
      if (!session) return refused('no-restore');
      const error = session.validator.add(request.table, request.records);
      if (error) {
        state.session = undefined;
        return { type: 'refused', reason: 'restore-refused', error };
      }
      return { type: 'accepted', received: session.validator.count };
    }
    case 'restore-cancel':
      state.session = undefined;
      return { type: 'accepted', received: 0 };
    case 'restore-commit': {
      const session = state.session;
      state.session = undefined;
      if (!session) return refused('no-restore');
      const result = await exclusive(() =>
        writeRestore(deps.db, session.validator.rows(), session.mode, {
          onProgress: (progress) => post({ type: 'progress', phase: 'write', done: progress.done, total: progress.total }),
        }),
      );
      if (!result.ok) return { type: 'refused', reason: result.error.kind === 'quota' ? 'quota' : 'restore-refused', error: result.error };
      const done: DataResult = { kind: 'restore', mode: result.summary.mode, added: result.summary.added, skipped: result.summary.skipped };
      return { type: 'done', result: done };
    }
    case 'retention-set': {
      const settings: RetentionSettings = { captureDays: request.captureDays };
      await writeRetention(settings);
      const pruned = await applyRetention(deps.db, settings, deps.now?.() ?? new Date());
      return { type: 'done', result: { kind: 'retention', captureDays: settings.captureDays, deleted: pruned.deleted, keptNewest: pruned.keptNewest } };
    }
    case 'rederive': {
      const result = await exclusive(() =>
        rederiveObservations(deps.db, {
          currentVersions: deps.currentVersions,
          onProgress: (progress) => post({ type: 'progress', phase: 'rederive', done: progress.done, total: progress.total }),
        }),
      );
      const olderVersions = result.byAdapter.flatMap((entry) =>
        entry.current !== undefined && entry.version < entry.current ? [{ adapterId: entry.adapterId, version: entry.version, current: entry.current, captures: entry.captures }] : [],
      );
      return {
        type: 'done',
        result: {
          kind: 'rederive',
          captures: result.captures,
          observationsWritten: result.observationsWritten,
          observationsRemoved: result.observationsRemoved,
          entitiesAdded: result.entitiesAdded,
          invalidCount: result.invalidCount,
          olderVersions,
        },
      };
    }
  }
}

/**
 * Takes a port opened with runtime.connect. Returns false (and leaves the port alone) when it is
 * not the data port; refuses and closes it when its sender is not an extension page.
 */
export function attachDataPort(port: DataPort, deps: DataDeps): boolean {
  if (port.name !== DATA_PORT_NAME) return false;
  const post = (reply: DataReply) => {
    try {
      port.postMessage(reply);
    } catch {
      // The page went away; nothing to tell.
    }
  };
  if (!isExtensionPageUrl(port.sender?.url, deps.extensionOrigin)) {
    post(refused('not-extension-page'));
    port.disconnect();
    return true;
  }
  const state: { session?: RestoreSession } = {};
  let queue: Promise<unknown> = Promise.resolve();
  let open = true;
  port.onDisconnect.addListener(() => {
    open = false;
    state.session = undefined;
  });
  port.onMessage.addListener((raw) => {
    // Requests of one port are answered in order.
    queue = queue.then(async () => {
      if (!open) return;
      const parsed = dataRequestSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        post(refused('invalid', issue ? `${issue.path.join('.')}: ${issue.message}`.slice(0, 200) : undefined));
        return;
      }
      let reply: DataReply;
      try {
        reply = await handleRequest(parsed.data, state, deps, post);
      } catch (error) {
        state.session = undefined;
        reply = failure(error);
      }
      post(reply);
    });
  });
  return true;
}

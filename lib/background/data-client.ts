/**
 * The extension pages' side of the data port (see ./handle-data.ts): send a request, receive
 * progress, get one final reply. A restore sends the parsed backup file in pieces
 * (RESTORE_RECORDS_PER_MESSAGE records each), so a backup of any size fits in port messages and
 * the background validates it as it arrives; nothing is written before the final commit.
 */
import { browser } from 'wxt/browser';
import type { RestoreError } from '../db/backup';
import { DATA_PORT_NAME, RESTORE_RECORDS_PER_MESSAGE, type DataReply, type DataRequest } from './messages';

/** The parts of `runtime.Port` a page uses. */
export interface DataChannel {
  postMessage(message: DataRequest): void;
  onMessage: { addListener(callback: (message: unknown) => void): void };
  onDisconnect: { addListener(callback: () => void): void };
  disconnect(): void;
}

export type ConnectDataPort = () => DataChannel;

export const connectToBackground: ConnectDataPort = () => browser.runtime.connect({ name: DATA_PORT_NAME }) as unknown as DataChannel;

export type FinalReply = Exclude<DataReply, { type: 'progress' }>;
export interface ProgressReport {
  phase: 'validate' | 'write' | 'rederive';
  done: number;
  total: number;
}
export type OnDataProgress = (progress: ProgressReport) => void;

/** A port kept open for a sequence of requests (a restore is begin, records…, commit on one port). */
export class DataSession {
  private readonly port: DataChannel;
  private waiting: { resolve(reply: FinalReply): void; onProgress?: OnDataProgress } | undefined;
  private closed = false;

  constructor(connect: ConnectDataPort = connectToBackground) {
    this.port = connect();
    this.port.onMessage.addListener((message) => this.receive(message as DataReply));
    this.port.onDisconnect.addListener(() => {
      this.closed = true;
      this.waiting?.resolve({ type: 'refused', reason: 'failed', detail: 'the background closed the connection' });
      this.waiting = undefined;
    });
  }

  private receive(reply: DataReply): void {
    if (!reply || typeof reply !== 'object') return;
    if (reply.type === 'progress') {
      this.waiting?.onProgress?.({ phase: reply.phase, done: reply.done, total: reply.total });
      return;
    }
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(reply);
  }

  /** Sends one request and resolves with its final reply (never rejects). */
  send(request: DataRequest, onProgress?: OnDataProgress): Promise<FinalReply> {
    if (this.closed) return Promise.resolve({ type: 'refused', reason: 'failed', detail: 'the connection is closed' });
    if (this.waiting) throw new Error('one request at a time');
    return new Promise<FinalReply>((resolve) => {
      this.waiting = { resolve, onProgress };
      try {
        this.port.postMessage(request);
      } catch (error) {
        this.waiting = undefined;
        resolve({ type: 'refused', reason: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.port.disconnect();
  }
}

/** Runs one request on a fresh port. */
export async function requestData(request: DataRequest, onProgress?: OnDataProgress, connect?: ConnectDataPort): Promise<FinalReply> {
  const session = new DataSession(connect);
  try {
    return await session.send(request, onProgress);
  } finally {
    session.close();
  }
}

const formatError = (message: string, path?: string): FinalReply => {
  const error: RestoreError = path ? { kind: 'format', path, message } : { kind: 'format', message };
  return { type: 'refused', reason: 'restore-refused', error };
};

/**
 * Restores a parsed backup file through the background: header, then every table in pieces
 * (validation progress as they are accepted), then the commit (write progress). Stops at the
 * first refusal, which names the bad record; the background then has written nothing.
 */
export async function restoreThroughBackground(
  backup: unknown,
  mode: 'merge' | 'replace',
  onProgress?: OnDataProgress,
  connect?: ConnectDataPort,
): Promise<FinalReply> {
  if (!backup || typeof backup !== 'object' || Array.isArray(backup)) return formatError('not a ShopLens backup (not a JSON object)');
  const { tables, ...header } = backup as Record<string, unknown>;
  if (!tables || typeof tables !== 'object' || Array.isArray(tables)) return formatError('not a ShopLens backup: no tables', 'tables');
  const byName = tables as Record<string, unknown>;
  const names = Object.keys(byName);
  let total = 0;
  for (const name of names) {
    const list = byName[name];
    if (!Array.isArray(list)) return formatError(`table "${name.slice(0, 60)}" is not a list`, name.slice(0, 60));
    total += list.length;
  }

  const session = new DataSession(connect);
  try {
    const begun = await session.send({ type: 'restore-begin', mode, header, total });
    if (begun.type !== 'accepted') return begun;
    onProgress?.({ phase: 'validate', done: 0, total });
    for (const name of names) {
      const list = byName[name] as unknown[];
      for (let start = 0; start === 0 || start < list.length; start += RESTORE_RECORDS_PER_MESSAGE) {
        const reply = await session.send({ type: 'restore-records', table: name, records: list.slice(start, start + RESTORE_RECORDS_PER_MESSAGE) });
        if (reply.type !== 'accepted') return reply;
        onProgress?.({ phase: 'validate', done: reply.received, total });
      }
    }
    return await session.send({ type: 'restore-commit' }, onProgress);
  } finally {
    session.close();
  }
}

/**
 * An in-memory runtime.Port pair for the data-port tests: the page end (DataChannel) and the
 * background end (DataPort) with a sender address of the test's choosing. Messages are delivered
 * asynchronously and JSON-cloned, as the browser serialises port messages.
 */
import type { ConnectDataPort, DataChannel } from '../../../lib/background/data-client';
import { attachDataPort, type DataDeps, type DataPort } from '../../../lib/background/handle-data';
import { DATA_PORT_NAME } from '../../../lib/background/messages';

type Listener<T> = (value: T) => void;

interface End {
  messages: Listener<unknown>[];
  disconnects: Listener<void>[];
  open: boolean;
}

function newEnd(): End {
  return { messages: [], disconnects: [], open: true };
}

const deliver = (to: End, message: unknown) =>
  setTimeout(() => {
    if (!to.open) return;
    const copy = message === undefined ? undefined : (JSON.parse(JSON.stringify(message)) as unknown);
    for (const listener of to.messages) listener(copy);
  }, 0);

export interface PortPair {
  page: DataChannel;
  background: DataPort;
  /** Every message the background sent to the page. */
  sent: unknown[];
  isOpen(): boolean;
}

export function portPair(senderUrl: string | undefined, name = DATA_PORT_NAME): PortPair {
  const pageEnd = newEnd();
  const backgroundEnd = newEnd();
  const sent: unknown[] = [];
  const close = () => {
    if (!pageEnd.open && !backgroundEnd.open) return;
    const notify = [...pageEnd.disconnects, ...backgroundEnd.disconnects];
    pageEnd.open = false;
    backgroundEnd.open = false;
    setTimeout(() => notify.forEach((listener) => listener()), 0);
  };
  const page: DataChannel = {
    postMessage: (message) => {
      if (!pageEnd.open) throw new Error('Attempting to use a disconnected port object');
      deliver(backgroundEnd, message);
    },
    onMessage: { addListener: (callback) => void pageEnd.messages.push(callback) },
    onDisconnect: { addListener: (callback) => void pageEnd.disconnects.push(callback) },
    disconnect: close,
  };
  const background: DataPort = {
    name,
    sender: senderUrl === undefined ? {} : { url: senderUrl },
    postMessage: (message) => {
      if (!backgroundEnd.open) throw new Error('Attempting to use a disconnected port object');
      sent.push(message);
      deliver(pageEnd, message);
    },
    onMessage: { addListener: (callback) => void backgroundEnd.messages.push(callback) },
    onDisconnect: { addListener: (callback) => void backgroundEnd.disconnects.push(callback) },
    disconnect: close,
  };
  return { page, background, sent, isOpen: () => pageEnd.open };
}

export const EXTENSION_ORIGIN = 'chrome-extension://test-extension-id/';
export const OPTIONS_URL = `${EXTENSION_ORIGIN}options.html`;

/** runtime.connect as the options page would call it, wired to attachDataPort with `deps`. */
export function connectAs(senderUrl: string | undefined, deps: Omit<DataDeps, 'extensionOrigin'>, pairs: PortPair[] = []): ConnectDataPort {
  return () => {
    const pair = portPair(senderUrl);
    pairs.push(pair);
    attachDataPort(pair.background, { extensionOrigin: EXTENSION_ORIGIN, ...deps });
    return pair.page;
  };
}

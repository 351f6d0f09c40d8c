/**
 * The browser-mode transport for `window.pressroom`: the same API the Electron preload exposes,
 * carried over the token-guarded local connection to the browser-mode server. Installed only when no
 * preload has provided the API (that is, when the page is not running inside Electron).
 */
import {
  type BridgeTransport,
  createBridgeApi,
  type PressroomApi,
} from '../../shared/contract/bridge-api.js';
import type { EventName } from '../../shared/contract/ipc-contract.js';
import type { Result } from '../../shared/contract/result.js';

const TOKEN_KEY = 'pressroom.token';

/** Takes the token from the address fragment once, then keeps it out of the address bar. */
const takeToken = (): string | null => {
  const match = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
};

const offline = (): Result<never> => ({
  ok: false,
  error: {
    code: 'internal',
    message:
      'Pressroom’s background service is not answering. Start it again (npm run start:web) and reload this page.',
  },
});

const createEventStream = (token: string) => {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let started = false;

  const deliver = (frame: string): void => {
    const event = /^event: (.+)$/m.exec(frame)?.[1] as EventName | undefined;
    const data = /^data: (.+)$/m.exec(frame)?.[1];
    if (!event || data === undefined) return;
    for (const listener of listeners.get(event) ?? []) listener(JSON.parse(data));
  };

  const connect = async (attempt: number): Promise<void> => {
    try {
      const response = await fetch('/events', { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      attempt = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          deliver(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // The server restarted or is gone; try again with a growing pause.
    }
    setTimeout(() => void connect(attempt + 1), Math.min(30_000, 500 * 2 ** attempt));
  };

  return (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!started) {
      started = true;
      void connect(0);
    }
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  };
};

export const createWebBridge = (): PressroomApi => {
  const token = takeToken() ?? '';
  const transport: BridgeTransport = {
    invoke: async (method, request) => {
      try {
        const response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(request ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch {
        return offline();
      }
    },
    subscribe: createEventStream(token),
  };
  return createBridgeApi(transport);
};

/**
 * Builds the typed `window.pressroom` object from the contract and a transport.
 *
 * The Electron preload and the browser-mode client differ only in the transport (ipcRenderer vs a
 * token-guarded local HTTP connection); the API surface comes from the same table, so the two cannot
 * drift apart.
 */
import {
  eventNames,
  type EventName,
  type EventPayloadOf,
  methodNames,
  type MethodName,
  type RequestOf,
  type ResponseOf,
} from './ipc-contract.js';
import type { Result } from './result.js';

type NamespaceOf<M extends string> = M extends `${infer N}.${string}` ? N : never;
type Namespaces = NamespaceOf<MethodName>;

export type PressroomApi = {
  [N in Namespaces]: {
    [M in MethodName as M extends `${N}.${infer Name}` ? Name : never]: (
      request: RequestOf<M>,
    ) => Promise<Result<ResponseOf<M>>>;
  };
} & {
  /** Listens to a contract event; returns a function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};

export interface BridgeTransport {
  invoke(method: MethodName, request: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

export const createBridgeApi = (transport: BridgeTransport): PressroomApi => {
  const api: Record<string, Record<string, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const method of methodNames) {
    const [namespace, name] = method.split('.') as [string, string];
    api[namespace] ??= {};
    api[namespace][name] = (request: unknown) => transport.invoke(method, request);
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return transport.subscribe(event, listener);
  };
  // The contract fixes the shape; the loop above builds exactly that shape.
  return Object.freeze({ ...api, on }) as unknown as PressroomApi;
};

/**
 * The sandboxed preload: exposes exactly the contract's API on `window.pressroom` and nothing else.
 * No raw ipcRenderer, no Node, no arbitrary channel reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createBridgeApi } from '../../shared/contract/bridge-api.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/contract/ipc-contract.js';
import type { Result } from '../../shared/contract/result.js';

const api = createBridgeApi({
  invoke: (method, request) =>
    ipcRenderer.invoke(INVOKE_CHANNEL, method, request) as Promise<Result<unknown>>,
  subscribe: (event, listener) => {
    const relay = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay);
    };
  },
});

contextBridge.exposeInMainWorld('pressroom', api);

/** The renderer's only door to the core: `window.pressroom`, from the preload or browser mode. */
import type { PressroomApi } from '../../shared/contract/bridge-api.js';
import { createWebBridge } from './web-bridge.js';

declare global {
  interface Window {
    pressroom?: PressroomApi;
  }
}

let api: PressroomApi | undefined;

export const pressroom = (): PressroomApi => {
  api ??= window.pressroom ?? createWebBridge();
  return api;
};

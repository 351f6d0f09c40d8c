/**
 * Registers the one invoke channel with Electron and forwards events to the window. Every request
 * goes through the core's dispatcher, which validates the sender frame and the payload.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/contract/ipc-contract.js';
import type { EventHub } from '../core/events.js';
import type { Dispatch } from '../core/ipc/dispatcher.js';

export const senderOf = (event: Pick<IpcMainInvokeEvent, 'senderFrame'>) => ({
  url: event.senderFrame?.url ?? '',
  // A frame with a parent is an iframe; only the top-level app frame may call the core.
  isTopFrame: event.senderFrame !== null && event.senderFrame.parent === null,
});

export const registerIpc = (ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch): void => {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, payload: unknown) =>
    dispatch(senderOf(event), method, payload),
  );
};

export const forwardEvents = (events: EventHub, target: () => Pick<WebContents, 'send' | 'isDestroyed'>[]) =>
  events.subscribe((event, payload) => {
    for (const contents of target())
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  });

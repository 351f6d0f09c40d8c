/**
 * The Electron wiring, driven with fake Electron objects (the Electron binary cannot run on the build
 * machines): the invoke channel goes through the dispatcher with the real sender frame facts.
 */
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.js';
import { allowOrigins } from '../../../electron/core/ipc/sender-policy.js';
import { silentLogger } from '../../../electron/core/logger.js';
import { registerIpc } from '../../../electron/main/ipc.js';
import { INVOKE_CHANNEL } from '../../../shared/contract/ipc-contract.js';
import { recordingHandlers } from '../../support/fake-core.js';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const wire = () => {
  const registered = new Map<string, Listener>();
  const fakeIpcMain = { handle: (channel: string, listener: Listener) => registered.set(channel, listener) };
  const { handlers, calls } = recordingHandlers();
  registerIpc(
    fakeIpcMain as never,
    createDispatcher(handlers, allowOrigins(['app://pressroom']), silentLogger),
  );
  const invoke = (frame: { url: string; parent: unknown } | null, method: string, payload: unknown) =>
    registered.get(INVOKE_CHANNEL)!({ senderFrame: frame }, method, payload);
  return { registered, invoke, calls };
};

const topFrame = { url: 'app://pressroom/index.html', parent: null };

describe('the main-process IPC wiring', () => {
  it('registers exactly one prefixed channel', () => {
    expect([...wire().registered.keys()]).toEqual(['pressroom:invoke']);
  });

  it('answers our own top frame', async () => {
    const { invoke, calls } = wire();
    expect(await invoke(topFrame, 'drafts.list', {})).toMatchObject({ ok: true });
    expect(calls).toHaveLength(1);
  });

  it('refuses an iframe, even one loaded from our own origin', async () => {
    const { invoke, calls } = wire();
    const iframe = { url: 'app://pressroom/index.html', parent: topFrame };
    expect(await invoke(iframe, 'drafts.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses a frame that navigated to another site', async () => {
    const { invoke, calls } = wire();
    const foreign = { url: 'https://attacker.example/', parent: null };
    expect(await invoke(foreign, 'drafts.create', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses a request whose frame is already gone', async () => {
    const { invoke } = wire();
    expect(await invoke(null, 'drafts.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('refuses a malformed request from our own frame', async () => {
    const { invoke, calls } = wire();
    expect(await invoke(topFrame, 'drafts.open', { id: 42 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(calls).toEqual([]);
  });
});

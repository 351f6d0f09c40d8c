import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../electron/core/ipc/dispatcher.js';
import { allowOrigins } from '../../../electron/core/ipc/sender-policy.js';
import { silentLogger } from '../../../electron/core/logger.js';
import { AppFailure } from '../../../shared/contract/result.js';
import { recordingHandlers } from '../../support/fake-core.js';

const appFrame = { url: 'app://pressroom/index.html', isTopFrame: true };
const validSave = {
  id: '0123456789abcdef',
  title: 'Title',
  body: { type: 'doc', content: [] },
  baseEtag: 'e1',
};

describe('the dispatcher every request goes through', () => {
  const setup = () => {
    const fake = recordingHandlers();
    return {
      ...fake,
      dispatch: createDispatcher(fake.handlers, allowOrigins(['app://pressroom']), silentLogger),
    };
  };

  it('runs a well-formed request from the app frame', async () => {
    const { dispatch, calls } = setup();
    const result = await dispatch(appFrame, 'drafts.save', validSave);
    expect(result).toEqual({ ok: true, value: { etag: 'e2', updatedAt: '2026-11-25T00:00:00.000Z' } });
    expect(calls).toEqual([{ method: 'drafts.save', request: validSave }]);
  });

  it.each([
    ['a missing field', { ...validSave, baseEtag: undefined }],
    ['a field of the wrong type', { ...validSave, title: 42 }],
    ['an unexpected extra field', { ...validSave, isAdmin: true }],
    ['an id that could walk out of the library', { ...validSave, id: '../../etc/passwd' }],
    ['a body that is not a document', { ...validSave, body: { type: 'paragraph' } }],
    ['no payload at all', undefined],
    ['a string instead of an object', 'drafts'],
  ])('refuses a malformed request (%s) before any handler runs', async (_case, payload) => {
    const { dispatch, calls } = setup();
    const result = await dispatch(appFrame, 'drafts.save', payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(calls).toEqual([]);
  });

  it('names the fields that failed but never echoes their values', async () => {
    const { dispatch } = setup();
    const result = await dispatch(appFrame, 'drafts.save', { ...validSave, title: { secret: 'hunter2' } });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(result).toMatchObject({ ok: false, error: { params: { fields: 'title' } } });
  });

  it('refuses an unknown method', async () => {
    const { dispatch, calls } = setup();
    expect(await dispatch(appFrame, 'fs.readAnyFile', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await dispatch(appFrame, 'constructor', {})).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
  });

  it.each([
    ['a page of another origin', { url: 'https://evil.example/index.html', isTopFrame: true }],
    ['an iframe inside our own page', { url: 'app://pressroom/index.html', isTopFrame: false }],
    ['a file:// page', { url: 'file:///tmp/index.html', isTopFrame: true }],
    ['a frame with no URL', { url: '', isTopFrame: true }],
    ['a look-alike host', { url: 'app://pressroom.evil/index.html', isTopFrame: true }],
  ])('refuses a request from a foreign frame (%s)', async (_case, sender) => {
    const { dispatch, calls } = setup();
    const result = await dispatch(sender, 'drafts.save', validSave);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls).toEqual([]);
  });

  it('passes on a deliberate failure from the core as it is', async () => {
    const { handlers } = recordingHandlers();
    handlers['drafts.list'] = async () => {
      throw new AppFailure('storage', 'The disk is full.', { folder: '/docs' });
    };
    const dispatch = createDispatcher(handlers, allowOrigins(['app://pressroom']), silentLogger);
    expect(await dispatch(appFrame, 'drafts.list', {})).toEqual({
      ok: false,
      error: { code: 'storage', message: 'The disk is full.', params: { folder: '/docs' } },
    });
  });

  it('turns an unexpected crash into a plain message without a stack trace', async () => {
    const { handlers } = recordingHandlers();
    handlers['drafts.list'] = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'x') at /src/secret/path.ts:12");
    };
    const dispatch = createDispatcher(handlers, allowOrigins(['app://pressroom']), silentLogger);
    const result = await dispatch(appFrame, 'drafts.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|TypeError|\.ts:/);
  });
});

import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRendererAsset, resolveAssetPath } from '../../../electron/core/static/renderer-assets.js';
import { useTempFolder } from '../../support/temp-folder.js';

describe('serving the renderer bundle (app:// and browser mode)', () => {
  const tempFolder = useTempFolder();

  it('maps / to index.html and keeps every path inside the bundle', () => {
    expect(resolveAssetPath('/b', '/')).toBe('/b/index.html');
    expect(resolveAssetPath('/b', '/assets/app.js?v=1')).toBe('/b/assets/app.js');
    expect(resolveAssetPath('/b', '/../etc/passwd')).toBeNull();
    expect(resolveAssetPath('/b', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveAssetPath('/b', '/a%00.js')).toBeNull();
    expect(resolveAssetPath('/b', '/%E0%A4%A')).toBeNull();
  });

  it('serves files with their type and refuses links that lead out', async () => {
    const root = await tempFolder();
    const bundle = join(root, 'bundle');
    await mkdir(bundle);
    await writeFile(join(bundle, 'index.html'), '<!doctype html>');
    await writeFile(join(root, 'secret.txt'), 'secret');
    await symlink(join(root, 'secret.txt'), join(bundle, 'leak.txt'));
    expect(await loadRendererAsset(bundle, '/')).toMatchObject({ contentType: 'text/html; charset=utf-8' });
    expect(await loadRendererAsset(bundle, '/leak.txt')).toBeNull();
    expect(await loadRendererAsset(bundle, '/missing.js')).toBeNull();
  });
});

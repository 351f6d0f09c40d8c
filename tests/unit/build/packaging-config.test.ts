/**
 * Packaging: build/electron-builder.yml, read and validated by electron-builder's own code (the
 * packaging itself needs internet, so it never runs on the build machines), and the launcher that
 * `npm start` uses, which must explain plainly when the Electron binary is not installed.
 */
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const configPath = join(root, 'build', 'electron-builder.yml');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies.electron;

const loadConfig = () => getConfig(root, configPath, null);

/** The secure value of every Electron fuse. */
const secureFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
  loadBrowserProcessSpecificV8Snapshot: false,
};

describe('build/electron-builder.yml', () => {
  it("is valid for electron-builder's schema (no misspelled or misplaced option)", async () => {
    const noDebugLog = { isEnabled: false, add: () => undefined } as unknown as Parameters<
      typeof validateConfiguration
    >[1];
    await expect(validateConfiguration(await loadConfig(), noDebugLog)).resolves.toBeUndefined();
  });

  it('names the app and writes installers to release/', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('org.pressroom.app');
    expect(config.productName).toBe('Pressroom');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('sets every Electron fuse to its secure value', async () => {
    const { electronFuses } = await loadConfig();
    // resetAdHocDarwinSignature only re-signs an unsigned macOS build after the flip.
    expect(electronFuses).toEqual({ ...secureFuses, resetAdHocDarwinSignature: true });
  });

  it('leaves no fuse that electron-builder knows of to the Electron default', async () => {
    const scheme = JSON.parse(
      readFileSync(createRequire(import.meta.url).resolve('app-builder-lib/scheme.json'), 'utf8'),
    ) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const knownFuses = Object.keys(scheme.definitions.FuseOptionsV1.properties).filter(
      (name) => name !== 'resetAdHocDarwinSignature', // an option of the flipping, not a fuse
    );
    expect(knownFuses.sort()).toEqual(Object.keys(secureFuses).sort());
  });

  it('packages only the built app and sharp, in an asar archive, without source maps or other node_modules', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    // electron-builder normalizes the list into one file set; `!` patterns exclude.
    expect(config.files).toEqual([
      {
        filter: [
          'dist/main/**',
          'dist/preload/**',
          'dist/renderer/**',
          'package.json',
          '!**/*.map',
          '!node_modules{,/**/*}',
          'node_modules/sharp/**',
          'node_modules/@img/**',
          'node_modules/detect-libc/**',
          'node_modules/semver/**',
        ],
      },
    ]);
    // Native code cannot be loaded from inside an asar archive.
    expect(config.asarUnpack).toEqual(['node_modules/sharp/**', 'node_modules/@img/**']);
  });

  it('builds an assisted per-user Windows installer, a hardened macOS app and a Linux AppImage', async () => {
    const config = await loadConfig();
    expect(config.win?.target).toBe('nsis');
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
    });
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.linux?.target).toBe('AppImage');
  });

  it('signs the macOS app and its helpers with only the allow-jit entitlement', async () => {
    const { mac } = await loadConfig();
    expect(mac?.entitlements).toBe('build/entitlements.mac.plist');
    expect(mac?.entitlementsInherit).toBe('build/entitlements.mac.plist');
    const plist = readFileSync(join(root, 'build', 'entitlements.mac.plist'), 'utf8').replace(
      /<!--[\s\S]*?-->/g,
      '',
    );
    expect(
      [...plist.matchAll(/<key>([^<]+)<\/key>\s*<(\w+)\/>/g)].map(([, key, value]) => [key, value]),
    ).toEqual([['com.apple.security.cs.allow-jit', 'true']]);
  });

  it('registers the pressroom:// URL scheme', async () => {
    const { protocols } = await loadConfig();
    expect(protocols).toEqual([{ name: 'Pressroom', schemes: ['pressroom'] }]);
  });
});

describe('scripts/launch-electron.mjs', () => {
  const sandboxes: string[] = [];
  afterEach(() => {
    for (const sandbox of sandboxes.splice(0)) rmSync(sandbox, { recursive: true, force: true });
  });

  /** A copy of the launcher next to a stand-in electron package, with or without its binary. */
  const sandbox = (binary: string | null) => {
    const dir = mkdtempSync(join(tmpdir(), 'pressroom-launch-'));
    sandboxes.push(dir);
    for (const script of ['launch-electron.mjs', 'electron-binary.mjs']) {
      mkdirSync(join(dir, 'scripts'), { recursive: true });
      copyFileSync(join(root, 'scripts', script), join(dir, 'scripts', script));
    }
    const electron = join(dir, 'node_modules', 'electron');
    mkdirSync(electron, { recursive: true });
    writeFileSync(
      join(electron, 'package.json'),
      JSON.stringify({ name: 'electron', version: electronVersion }),
    );
    mkdirSync(join(dir, 'dist', 'main'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'main', 'main.js'), '');
    if (binary !== null) {
      writeFileSync(join(electron, 'path.txt'), 'electron');
      mkdirSync(join(electron, 'dist'));
      writeFileSync(join(electron, 'dist', 'electron'), binary);
      chmodSync(join(electron, 'dist', 'electron'), 0o755);
    }
    return dir;
  };

  const launch = (script: string, args: string[] = [], env: Record<string, string> = {}) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    if (!('ELECTRON_OVERRIDE_DIST_PATH' in env)) delete childEnv.ELECTRON_OVERRIDE_DIST_PATH;
    return spawnSync(process.execPath, [script, ...args], {
      encoding: 'utf8',
      env: childEnv,
      timeout: 20_000,
    });
  };

  const expectPlainMissingMessage = (result: ReturnType<typeof launch>) => {
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `the Electron ${electronVersion} binary is not installed on this machine`,
    );
    expect(result.stderr).toContain('node node_modules/electron/install.js');
    expect(result.stderr).toContain('npm run start:web');
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(result.stdout).not.toContain('Downloading'); // and no download attempt
  };

  it('exits 1 with a plain message when the Electron binary was never downloaded', () => {
    const dir = sandbox(null);
    expectPlainMissingMessage(launch(join(dir, 'scripts', 'launch-electron.mjs')));
  });

  it('exits 1 with the same message in this repository when the binary is missing (ELECTRON_OVERRIDE_DIST_PATH)', () => {
    const empty = mkdtempSync(join(tmpdir(), 'pressroom-no-electron-'));
    sandboxes.push(empty);
    expectPlainMissingMessage(
      launch(join(root, 'scripts', 'launch-electron.mjs'), [], { ELECTRON_OVERRIDE_DIST_PATH: empty }),
    );
  });

  it.runIf(
    !existsSync(join(root, 'node_modules', 'electron', 'path.txt')) &&
      !process.env.ELECTRON_OVERRIDE_DIST_PATH,
  )('exits 1 with the same message on this machine, which has no Electron binary', () => {
    expectPlainMissingMessage(launch(join(root, 'scripts', 'launch-electron.mjs')));
  });

  it.skipIf(process.platform === 'win32')(
    "runs the binary on the app folder, passes arguments on and exits with Electron's code",
    () => {
      const dir = sandbox(
        '#!/bin/sh\necho "cwd=$(pwd) args=$* run-as-node=${ELECTRON_RUN_AS_NODE:-unset}"\nexit 7\n',
      );
      const result = launch(join(dir, 'scripts', 'launch-electron.mjs'), ['--lang=fr'], {
        ELECTRON_RUN_AS_NODE: '1',
      });
      expect(result.status).toBe(7);
      expect(result.stdout.trim()).toBe(
        `cwd=${dirname(join(dir, 'scripts'))} args=. --lang=fr run-as-node=unset`,
      );
    },
  );
});

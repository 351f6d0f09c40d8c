/**
 * The layer rule, run through the project's real ESLint configuration on code placed (virtually) in
 * each folder: a forbidden import must be reported, an allowed one must not.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

const layerErrors = async (filePath: string, code: string): Promise<string[]> => {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === 'pressroom/layer-boundaries' || message.ruleId === 'no-restricted-globals',
    )
    .map((message) => message.message);
};

describe('the import-boundary lint rule', () => {
  it.each([
    [
      'renderer/ importing electron/',
      'renderer/app/bad.ts',
      "import { DraftLibrary } from '../../electron/core/drafts/draft-library.js';\nexport const x = DraftLibrary;",
    ],
    [
      'renderer/ importing the electron module',
      'renderer/app/bad.ts',
      "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;",
    ],
    [
      'renderer/ importing Node I/O',
      'renderer/app/bad.ts',
      "import { readFile } from 'node:fs/promises';\nexport const x = readFile;",
    ],
    [
      'shared/ importing Electron',
      'shared/contract/bad.ts',
      "import { app } from 'electron';\nexport const x = app;",
    ],
    [
      'shared/ importing React',
      'shared/contract/bad.ts',
      "import { useState } from 'react';\nexport const x = useState;",
    ],
    [
      'shared/ importing Node I/O',
      'shared/contract/bad.ts',
      "import { readFileSync } from 'fs';\nexport const x = readFileSync;",
    ],
    [
      'shared/ importing the core',
      'shared/contract/bad.ts',
      "import { EventHub } from '../../electron/core/events.js';\nexport const x = EventHub;",
    ],
    ['shared/ touching the DOM', 'shared/contract/bad.ts', 'export const x = () => document.title;'],
    [
      'the core importing electron',
      'electron/core/drafts/bad.ts',
      "import { dialog } from 'electron';\nexport const x = dialog;",
    ],
    [
      'the core importing the wiring',
      'electron/core/drafts/bad.ts',
      "import { registerIpc } from '../../main/ipc.js';\nexport const x = registerIpc;",
    ],
    [
      'the core requiring electron',
      'electron/core/drafts/bad.ts',
      "const electron = require('electron');\nexport const x = electron;",
    ],
    [
      'the preload importing the core',
      'electron/preload/bad.ts',
      "import { EventHub } from '../core/events.js';\nexport const x = EventHub;",
    ],
  ])('reports %s', async (_case, filePath, code) => {
    expect(await layerErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    [
      'renderer/ importing shared/',
      'renderer/app/ok.ts',
      "import { contract } from '../../shared/contract/ipc-contract.js';\nexport const x = contract;",
    ],
    [
      'the core importing shared/ and Node',
      'electron/core/drafts/ok.ts',
      "import { readFile } from 'node:fs/promises';\nimport { contract } from '../../../shared/contract/ipc-contract.js';\nexport const x = [readFile, contract];",
    ],
    [
      'the wiring importing electron and the core',
      'electron/main/ok.ts',
      "import { app } from 'electron';\nimport { EventHub } from '../core/events.js';\nexport const x = [app, EventHub];",
    ],
    ['shared/ importing zod', 'shared/release/ok.ts', "import { z } from 'zod';\nexport const x = z;"],
  ])('allows %s', async (_case, filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});

// The kill test: a child process saves drafts in a loop through the real DraftLibrary and is killed
// with SIGKILL at random moments; after each kill every draft must read back as exactly its last
// acknowledged version or the one being written (never lost, never torn). Used by the durability
// bench suite (hundreds of rounds) and by tests/integration/crash-durability.test.ts (a few).
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { nodeBundle } from '../../scripts/esbuild-options.mjs';

const DRAFTS = 3;

const initialDocument = (id) => ({
  format: 'pressroom.release',
  schemaVersion: 2,
  id,
  title: 'v0',
  slug: '',
  schedule: { local: null, timeZone: 'Europe/Istanbul' },
  datelineCity: '',
  intendedStatus: 'draft',
  featuredImage: null,
  body: { type: 'doc', content: [{ type: 'paragraph' }] },
  excerpt: '',
  categories: [],
  tags: [],
  relatedPosts: [],
  language: 'en',
  direction: 'ltr',
  targetSite: null,
  publishRecord: null,
  createdAt: '2026-11-25T00:00:00.000Z',
  updatedAt: '2026-11-25T00:00:00.000Z',
});

/** Bundles the child once per run into `workDir`. */
export const buildSaveLoopChild = async (root, workDir) => {
  const outfile = join(workDir, 'save-loop-child.mjs');
  await build({
    ...nodeBundle(join(root, 'tests/support/crash/save-loop-child.ts'), outfile),
    sourcemap: false,
  });
  return outfile;
};

const killAfter = (child, ms) =>
  new Promise((resolve) => {
    const acknowledged = new Map();
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const [, id, version] = buffer.slice(0, newline).split(' ');
        acknowledged.set(id, Number(version));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ acknowledged, killed: signal === 'SIGKILL', code });
    });
  });

/**
 * Runs `rounds` kill rounds in `workDir`. Returns counts; `lost` and `corrupted` must be 0.
 * `random` is injectable so a failing run can be replayed.
 */
export const runKillTest = async ({
  childScript,
  workDir,
  rounds,
  random = Math.random,
  maxDelayMs = 1500,
  naive = false,
}) => {
  const library = join(workDir, 'library');
  const ids = Array.from({ length: DRAFTS }, (_, index) => `killtest-draft-${index}`);
  await mkdir(library, { recursive: true });
  for (const id of ids) {
    await mkdir(join(library, `${id}.pressroom`), { recursive: true });
    await writeFile(join(library, `${id}.pressroom`, 'release.json'), JSON.stringify(initialDocument(id)));
  }
  const expected = new Map(ids.map((id) => [id, 0]));
  const result = { rounds, killsDuringWork: 0, saves: 0, checked: 0, lost: 0, corrupted: 0, problems: [] };

  for (let round = 0; round < rounds; round += 1) {
    const child = spawn(process.execPath, [childScript, library, ...ids], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PRESSROOM_KILL_TEST_NAIVE: naive ? '1' : '0' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
    // Kill at a random moment: sometimes during start-up, mostly mid-save.
    const { acknowledged, killed } = await killAfter(child, 30 + Math.floor(random() * maxDelayMs));
    if (!killed) result.problems.push(`round ${round}: the child exited by itself: ${stderr.slice(0, 300)}`);
    if (acknowledged.size > 0) result.killsDuringWork += 1;
    for (const [id, version] of acknowledged) {
      result.saves += Math.max(0, version - expected.get(id));
      expected.set(id, version);
    }
    for (const id of ids) {
      result.checked += 1;
      const folder = join(library, `${id}.pressroom`);
      let version;
      try {
        const document = JSON.parse(await readFile(join(folder, 'release.json'), 'utf8'));
        version = Number(document.title.replace('v', ''));
        const bodyVersion = document.body.content[0]?.content?.[0]?.text?.split(' ')[0];
        if (version > 0 && bodyVersion !== `v${version}`) throw new Error('title and body disagree');
      } catch (error) {
        result.corrupted += 1;
        result.problems.push(`round ${round}: ${id} is unreadable: ${error.message}`);
        continue;
      }
      const last = expected.get(id);
      // The acknowledged version, or the next one if the kill came after the rename but before the
      // "saved" line reached us. Anything older is a lost save.
      if (version < last) {
        result.lost += 1;
        result.problems.push(`round ${round}: ${id} went back from v${last} to v${version}`);
      } else if (version > last + 1) {
        result.corrupted += 1;
        result.problems.push(`round ${round}: ${id} jumped from v${last} to v${version}`);
      }
      expected.set(id, version);
    }
  }
  result.leftoverTempFiles = (await Promise.all(ids.map((id) => readdir(join(library, `${id}.pressroom`)))))
    .flat()
    .filter((name) => name !== 'release.json' && name !== 'assets').length;
  return result;
};

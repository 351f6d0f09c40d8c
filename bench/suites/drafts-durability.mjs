// Drafts under SIGKILL: a child process saves three ~20,000-word drafts in a loop and is killed at
// random moments, hundreds of times; every draft must read back as its old or its new version.
// Baseline, in the same run: the same test with a naive save (fs.writeFile straight over the file).
import { buildSaveLoopChild, runKillTest } from '../lib/kill-test.mjs';

const ROUNDS = 200;

export const run = async (ctx) => {
  const workDir = await ctx.tempDir('kill-test');
  const childScript = await buildSaveLoopChild(ctx.root, workDir);
  ctx.log(`kill test: ${ROUNDS} rounds with the atomic save`);
  const atomic = await runKillTest({ childScript, workDir: await ctx.tempDir('atomic'), rounds: ROUNDS });
  ctx.log(`kill test: ${ROUNDS} rounds with a naive save (baseline)`);
  const naive = await runKillTest({
    childScript,
    workDir: await ctx.tempDir('naive'),
    rounds: ROUNDS,
    naive: true,
  });
  const bad = (result) => result.lost + result.corrupted;
  const row = (metric, value, base, unit = 'drafts') => ({
    metric,
    value,
    unit,
    baseline: base,
    ratio: base > 0 ? Math.round((value / base) * 1000) / 1000 : null,
  });
  return {
    name: 'drafts-durability',
    title: 'Drafts: no save lost or torn when the process is killed',
    description:
      `A child process saves 3 drafts of about 20,000 words in a loop through the real DraftLibrary and ` +
      `is killed with SIGKILL after a random 30–1530 ms, ${ROUNDS} times; after each kill every draft is ` +
      'read back. Baseline: the same rounds with a naive save (`fs.writeFile` over the file). Target: 0.',
    rows: [
      row('Drafts lost or corrupted (target 0)', bad(atomic), bad(naive)),
      row('Kills that landed while saving', atomic.killsDuringWork, naive.killsDuringWork, 'rounds'),
      row('Saves completed across all rounds', atomic.saves, naive.saves, 'saves'),
      row('Draft read-backs checked', atomic.checked, naive.checked, 'reads'),
      row('Temporary files left behind', atomic.leftoverTempFiles, naive.leftoverTempFiles, 'files'),
    ],
    notes: [
      'A kill is not a power cut: the OS still writes what the process had handed it. The atomic save ' +
        '(temporary file, fsync, rename) also covers power loss; this test covers the process dying.',
      atomic.problems.length ? `Problems: ${atomic.problems.slice(0, 5).join('; ')}` : 'No problems.',
    ],
    raw: {
      atomic: { ...atomic, problems: atomic.problems.slice(0, 20) },
      naive: { ...naive, problems: naive.problems.length },
    },
  };
};

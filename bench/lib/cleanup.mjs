// A stack of clean-up steps (stop servers, close browsers, remove temporary folders), run in reverse
// order of registration, each one guarded so that one failing step does not skip the others.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const createCleanup = () => {
  const steps = [];
  let running = null;

  const run = () => {
    running ??= (async () => {
      while (steps.length > 0) {
        const { label, step } = steps.pop();
        try {
          await step();
        } catch (error) {
          console.error(`bench: clean-up step "${label}" failed: ${error?.message ?? error}`);
        }
      }
      running = null;
    })();
    return running;
  };

  /** Registers a step; returns a function that runs it now (once) and unregisters it. */
  const defer = (label, step) => {
    const entry = { label, step };
    steps.push(entry);
    return async () => {
      const index = steps.indexOf(entry);
      if (index < 0) return;
      steps.splice(index, 1);
      await step();
    };
  };

  /** Makes a temporary folder that is removed at clean-up. */
  const tempDir = async (prefix) => {
    const dir = await mkdtemp(join(tmpdir(), `pressroom-bench-${prefix}-`));
    defer(`remove ${dir}`, () => rm(dir, { recursive: true, force: true }));
    return dir;
  };

  return { defer, tempDir, run };
};

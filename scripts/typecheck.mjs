// Type-checks each runtime's project separately, so shared/ is checked without DOM or Node types
// and the renderer without Node types (a wrong-runtime API is a compile error, not a runtime one).
import { execFileSync } from 'node:child_process';

const projects = ['shared', 'renderer', 'electron', 'tests'];
let failed = false;
for (const project of projects) {
  try {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `tsconfig.${project}.json`], {
      stdio: 'inherit',
    });
    console.log(`typecheck: ${project} ok`);
  } catch {
    failed = true;
    console.error(`typecheck: ${project} failed`);
  }
}
process.exit(failed ? 1 : 0);

/**
 * The `pressroom` command line (bin/pressroom.mjs runs this bundle, dist/cli/pressroom.js). Plain
 * Node over the app's core: it never imports Electron, so it runs on servers and in CI.
 */
import { processIo } from './cli-io.js';
import { runCli } from './run-cli.js';

// exitCode rather than process.exit(), so stdout is flushed in full when it is a pipe.
process.exitCode = await runCli(process.argv.slice(2), processIo());

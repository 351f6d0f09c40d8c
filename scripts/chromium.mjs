// Debian's Chromium as the e2e suite and the benchmarks launch it: never a downloaded browser, and
// the flags this closed network needs (without the background-networking ones Chromium floods it with
// refused connections). Shared by tests/e2e/support/browser.ts and bench/lib/browser.mjs.
export const chromiumPath = () =>
  process.env.PRESSROOM_CHROMIUM ?? process.env.PRESSROOM_BENCH_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

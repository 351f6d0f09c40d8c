/**
 * One real WordPress per test run (Debian's packages, on 127.0.0.1, see scripts/wordpress/), shared
 * by the tests of a project through `inject('wordpress')`, stopped and removed at the end.
 */
import type { TestProject } from 'vitest/node';
import { startWordPress } from '../../../scripts/wordpress/wp-test-server.mjs';

export interface TestSite {
  url: string;
  user: string;
  password: string;
  appPassword: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    wordpress: TestSite;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const wordpress = await startWordPress();
  const { url, user, password, appPassword } = wordpress;
  project.provide('wordpress', { url, user, password, appPassword });
  return () => wordpress.stop();
}

import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import {
  DEV_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from './shared/security/content-security-policy.js';

/** Writes the production CSP into the built index.html (the server headers carry it too). */
const contentSecurityPolicyMeta = (): Plugin => ({
  name: 'pressroom-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs work under app://pressroom/ and under the browser-mode server alike.
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    reportCompressedSize: false,
    // The bundle size is tracked by `npm run bench` against a baseline, not by a fixed warning.
    chunkSizeWarningLimit: 4096,
  },
  server: { headers: { 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY } },
});

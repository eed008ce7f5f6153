import { defineConfig } from 'vite';

// One page for all three roles; the server answers /j/, /screen/ and /console/ with it.
// Everything is bundled: the pages load nothing from outside their own origin.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    assetsInlineLimit: 0,
    sourcemap: false,
    target: 'es2020',
  },
});

import { defineConfig, mergeConfig } from 'vitest/config';
import vite from './vite.config';

// Unit tests run in Node, without a browser: the few browser objects the code under test
// touches (WebSocket, localStorage, window's events) are fakes the tests install.
export default mergeConfig(
  vite,
  defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      environment: 'node',
    },
  }),
);

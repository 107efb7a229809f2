import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'services/**/*.test.ts', 'rules/**/*.test.ts', 'indexers/**/*.test.ts', 'web/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/.git/**', 'web/.next/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The database tests each make their own database; two workers match this machine's two cores.
    maxWorkers: 2,
  },
});

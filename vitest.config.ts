import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    // Vitest's default leaves one core idle (on 2 cores: one file at a time); most files wait
    // on subprocesses (Python, the CLI, onnxruntime), so every core is worth using.
    maxWorkers: '100%',
  },
});

/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Astro's Vite config lets component tests use the container API and `astro:content`-free imports alike.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 120_000,
    // Hooks build or index real sites too (a worker over a copy of dist/): as long as a test may take.
    hookTimeout: 120_000,
  },
});

// The tests Stryker runs against each mutant of the pure core (npm run mutate): the unit tests that
// exercise dates, filters and the schema in-process. The end-to-end tests run the built bin, which
// holds no mutant, so they are left out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{dates,filter,parse,properties,validate,cli}.test.ts'],
    testTimeout: 20000,
  },
});

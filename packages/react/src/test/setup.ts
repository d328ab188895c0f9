import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Testing Library only cleans up on its own when vitest globals are on; Foyer keeps them off.
afterEach(() => {
  cleanup();
});

// `findBy…` and `waitFor` wait up to 5 s instead of 1 s. What they wait for is a request to
// the real handler (in memory) and a render, well under a second on an idle machine; with
// every suite sharing two cores (CI, other jobs) the first one of a test file took up to
// 1.4 s, and the assertion failed only because its deadline passed. A hang still fails.
configure({ asyncUtilTimeout: 5000 });

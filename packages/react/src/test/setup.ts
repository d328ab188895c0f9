import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Testing Library only cleans up on its own when vitest globals are on; Foyer keeps them off.
afterEach(() => {
  cleanup();
});

// @foyer/server/testing: isomorphic test and mock fixtures (no vitest import, so @foyer/msw
// can use them in a browser). The vitest conformance suites live in `@foyer/server/conformance`.
export {
  createTestFoyer,
  createTestPasswordHasher,
  createUserDirectory,
  type Fixture,
  seedFixture,
  TEST_TOKEN_SECRET,
  type TestFoyer,
  tokenFromLink,
  type UserDirectory,
} from "./fixtures.ts";
export { hashToken } from "./tokens.ts";

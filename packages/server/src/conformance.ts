// The conformance suites (vitest): run them against your own Store implementation with a
// two-line test file, as Foyer does for memory, PGlite and PostgreSQL.
export { describeServiceConformance } from "./services/service-conformance.ts";
export {
  describeStoreConformance,
  type StoreHarness,
} from "./store/conformance/describe-store-conformance.ts";

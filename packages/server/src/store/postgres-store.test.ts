import { describe } from "vitest";
import { describeServiceConformance } from "../services/service-conformance.ts";
import { describeStoreConformance } from "./conformance/describe-store-conformance.ts";
import { postgresStoreSetup, postgresTestUrl } from "./test-setups.ts";

if (!postgresTestUrl) {
  console.info("Skipping the PostgreSQL store suite: FOYER_TEST_DATABASE_URL is not set.");
}

describe.skipIf(!postgresTestUrl)("PostgreSQL (FOYER_TEST_DATABASE_URL)", () => {
  describeStoreConformance("PostgreSQL", postgresStoreSetup);
  describeServiceConformance("PostgreSQL", postgresStoreSetup);
});

import { describeServiceConformance } from "../services/service-conformance.ts";
import { describeStoreConformance } from "./conformance/describe-store-conformance.ts";
import { memoryStoreSetup } from "./test-setups.ts";

describeStoreConformance("memory", memoryStoreSetup);
describeServiceConformance("memory", memoryStoreSetup);

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createPGliteStore } from "../pglite.ts";
import { describeServiceConformance } from "../services/service-conformance.ts";
import { describeStoreConformance } from "./conformance/describe-store-conformance.ts";
import { pgliteStoreSetup } from "./test-setups.ts";

describeStoreConformance("PGlite", pgliteStoreSetup);
describeServiceConformance("PGlite", pgliteStoreSetup);

describe("createPGliteStore", () => {
  it("R-SDK-04: keeps its data in a directory on disk across restarts", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "foyer-pglite-"));
    try {
      const first = await createPGliteStore({ dataDir });
      expect(first.kind).toBe("pglite");
      await first.upsertRole({
        id: "role_admin",
        name: "Admin",
        description: null,
        rank: 10,
        permissions: ["invitations:read"],
        mspStaff: false,
        tenantId: null,
      });
      await first.close();

      const second = await createPGliteStore({ dataDir });
      expect((await second.listRoles()).map((role) => role.id)).toEqual(["role_admin"]);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

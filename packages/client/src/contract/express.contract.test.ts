import { once } from "node:events";
import { foyerExpress } from "@foyer/server/express";
import { createPGliteStore } from "@foyer/server/pglite";
import { createTestFoyer } from "@foyer/server/testing";
import express from "express";
import { createFoyerClient } from "../create-foyer-client.ts";
import { createContractSeed, describeClientContract } from "./contract-suite.ts";

// R-SDK-01 / R-SDK-02: the same client contract against a real Express 5 app on an ephemeral
// port, over an in-memory PGlite store (the SQL store, not the mock's memory store).
describeClientContract("R-SDK-02 Express server", async () => {
  const store = await createPGliteStore();
  const foyer = await createTestFoyer(store);
  const app = express();
  app.use("/api/foyer", foyerExpress(foyer));
  const server = app.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("Expected a TCP port");
  const { port } = address;
  return {
    client: createFoyerClient({
      baseUrl: `http://127.0.0.1:${port}/api/foyer`,
      // The fixture's MSP admin, as createTestFoyer's authenticate hook reads it.
      headers: { authorization: `Bearer ${foyer.fixture.actors.mspAdmin.id}` },
      retry: 0,
    }),
    seed: createContractSeed(foyer.admin),
    async linksTo(to) {
      await foyer.dispatcher.runOnce();
      return foyer.mailbox.latestTo(to)?.links ?? [];
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await store.close();
    },
  };
});

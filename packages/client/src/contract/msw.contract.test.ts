import { createFoyerMsw } from "@foyer/msw";
import { setupServer } from "msw/node";
import { createFoyerClient } from "../create-foyer-client.ts";
import { createContractSeed, describeClientContract } from "./contract-suite.ts";

// R-SDK-01 / R-SDK-02: the client contract against @foyer/msw's handlers (the real handler
// over the memory store), with every unmatched request an error.
describeClientContract("R-SDK-02 MSW handlers", async () => {
  const baseUrl = "http://foyer.test/api/foyer";
  const mock = createFoyerMsw({ baseUrl, scenario: "empty" });
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: "error" });
  await mock.ready;
  return {
    client: createFoyerClient({ baseUrl, retry: 0 }),
    seed: createContractSeed(mock.foyer.admin),
    linksTo: async (to) => mock.mailbox.latestTo(to)?.links ?? [],
    close: async () => server.close(),
  };
});

import { afterAll, beforeAll, beforeEach, describe } from "vitest";
import type { Store } from "../types.ts";
import { describeAudit } from "./audit.ts";
import { describeIdempotency } from "./idempotency.ts";
import { describeInvitations } from "./invitations.ts";
import { describeInviteLinks } from "./invite-links.ts";
import { describeListing } from "./listing.ts";
import { describeNewInvitations } from "./new-invitations.ts";
import { describeOidcFlows } from "./oidc-flows.ts";
import { describeOutbox } from "./outbox.ts";
import { describeReminders } from "./reminders.ts";
import { describeTenants } from "./tenants.ts";
import { describeTokens } from "./tokens.ts";
import { describeTransactions } from "./transactions.ts";

/** What a store's test file hands the conformance suite. */
export interface StoreHarness {
  /** The store under test; read again after every `reset`, which may replace it. */
  store: Store;
  /** Empties the store (or replaces it) so the next test starts fresh. */
  reset(): Promise<void>;
  /** Releases everything `setup` opened. */
  close(): Promise<void>;
}

/**
 * The store conformance suite (R-SDK-04): one set of behaviours every store must show.
 * Each test gets a freshly reset store.
 * @example
 * describeStoreConformance("memory", async () => memoryHarness());
 */
export function describeStoreConformance(name: string, setup: () => Promise<StoreHarness>): void {
  describe(`${name}: store conformance`, () => {
    let harness: StoreHarness | undefined;
    const store = (): Store => {
      if (!harness) throw new Error("store setup failed");
      return harness.store;
    };

    beforeAll(async () => {
      harness = await setup();
    });
    beforeEach(async () => {
      await harness?.reset();
    });
    afterAll(async () => {
      await harness?.close();
    });

    describeTenants(store);
    describeInvitations(store);
    describeNewInvitations(store);
    describeTokens(store);
    describeTransactions(store);
    describeOutbox(store);
    describeReminders(store);
    describeListing(store);
    describeAudit(store);
    describeIdempotency(store);
    describeInviteLinks(store);
    describeOidcFlows(store);
  });
}

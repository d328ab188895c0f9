import type { Actor, CreateInvitationsBody } from "@foyer/core";
import { beforeEach } from "vitest";
import { FoyerServiceError } from "../errors.ts";
import { createTestFoyer, type TestFoyer, tokenFromLink } from "../fixtures.ts";
import { createMemoryStore } from "../store/memory/memory-store.ts";

// The service tests' shared setup (not exported from the package). A test file calls
// `useTestFoyer()` once; `foyer`, `a` and `clock` are live bindings that hold the running
// test's Foyer, its fixture actors and its clock, so the tests read them as plain names.

export const HOUR = 3_600_000;
export const STRONG = "Tr1cky-Lantern!";

export let clock: Date;
export let foyer: TestFoyer;
export let a: TestFoyer["fixture"]["actors"];

/**
 * Gives every test of the calling file a fresh Foyer on a memory store, with the fixture
 * seeded and the clock at 2026-11-01 09:00 UTC. Call once per file, at the top.
 */
export function useTestFoyer(): void {
  beforeEach(async () => {
    clock = new Date("2026-11-01T09:00:00.000Z");
    foyer = await createTestFoyer(createMemoryStore(), { now: () => new Date(clock) });
    a = foyer.fixture.actors;
  });
}

export function advance(ms: number) {
  clock = new Date(clock.getTime() + ms);
}

export async function invite(
  actor: Actor,
  body: Partial<CreateInvitationsBody> & { emails: string[] },
) {
  return foyer.services.createInvitations(actor, {
    tenantId: "acme",
    roleId: "client_user",
    delivery: "link",
    ...body,
  });
}

export async function inviteOne(email = "ana@acme.com", actor: Actor = a.acmeAdmin) {
  const result = await invite(actor, { emails: [email] });
  const entry = result.created[0];
  if (!entry?.invitation || !entry.link) throw new Error("not created");
  return { invitation: entry.invitation, token: tokenFromLink(entry.link), link: entry.link };
}

export async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FoyerServiceError) return error.code;
    throw error;
  }
  return "RESOLVED";
}

export const accept = (token: string, password = STRONG) =>
  foyer.services.acceptInvitation({
    token,
    firstName: "Ana",
    lastName: "Lopez",
    password,
    passwordConfirmation: password,
  });

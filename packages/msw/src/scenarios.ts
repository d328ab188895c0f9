import { type ErrorCode, emailKey } from "@foyer/core";
import type { Foyer, Store } from "@foyer/server";
import type { InvitationRow } from "@foyer/server/store";
import { type Fixture, hashToken, type UserDirectory } from "@foyer/server/testing";
import { DAY, eventsFor, generateInvitations, HOUR, invitationRow } from "./internal/seed-rows.ts";

/** The signed-in people a scenario can switch between (the fixture's actors). */
export type ActorKey = keyof Fixture["actors"];

/** The kinds of invitee tokens the token scenarios seed. */
export type TokenKind = "valid" | "expired" | "revoked" | "used";

/**
 * Plaintext tokens the token scenarios store (only their hashes are stored, as on the real
 * server). Fixed, so a story can put one in its args; mock-only, never valid anywhere else.
 * `invalid` is never stored by any scenario: previewing it answers `TOKEN_INVALID`.
 */
export const SCENARIO_TOKENS = {
  valid: "mock-valid-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  expired: "mock-expired-token-BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
  revoked: "mock-revoked-token-CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC",
  used: "mock-used-token-DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDD",
  invalid: "mock-invalid-token-EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE",
} as const;

/** What a scenario's `seed` receives: the fixture tenant tree is already in the store. */
export interface ScenarioContext {
  foyer: Foyer;
  store: Store;
  /** Tenants (MSP Northwind with Acme and Globex; Guardian apart), roles and actors. */
  fixture: Fixture;
  /** The host's user directory behind `findUserByEmail` and `createAccount`. */
  users: UserDirectory;
  /** The moment seeding started; rows are placed in time relative to it. */
  now: Date;
}

/**
 * A named, seedable state of the mock. Pass one of `scenarios` (or its name) to
 * `createFoyerMsw`, or write your own.
 * @example
 * const oneInvite: Scenario = {
 *   ...scenarios.empty,
 *   name: "one-invite",
 *   async seed(context) { await context.foyer.services.createInvitations(…); },
 * };
 */
export interface Scenario {
  name: string;
  /** One sentence for Storybook docs. */
  description: string;
  /** The tenant the scenario is about (the one a story shows). */
  tenantId: string;
  /** Who is signed in at the start. */
  actor: ActorKey;
  /** Plaintext invitee tokens this scenario stored. */
  tokens: Partial<Record<TokenKind, string>>;
  /** Milliseconds added before every answer; 0 for none. */
  latencyMs: number;
  /** When set, every call answers this error instead of reaching the handler; null for none. */
  failure: ErrorCode | null;
  /** Adds the scenario's data on top of the fixture. */
  seed(context: ScenarioContext): Promise<void>;
}

const ACME = "acme";
const GLOBEX = "globex";

/** How many invitations `busy` seeds. */
export const BUSY_INVITATIONS = 10_000;

/** The invitation id each token scenario stores, so tests can look it up. */
export const SCENARIO_INVITATION_IDS: Record<TokenKind, string> = {
  valid: "mock-inv-valid",
  expired: "mock-inv-expired",
  revoked: "mock-inv-revoked",
  used: "mock-inv-used",
};

/** Stores one invitation in the given state and its token, the way the services leave it. */
async function seedTokenInvitation(context: ScenarioContext, kind: TokenKind): Promise<void> {
  const { store, fixture, now } = context;
  const inviter = fixture.actors.acmeAdmin;
  const at = now.getTime();
  const email = `${kind}.invitee@acme.example.com`;
  const sentAt = new Date(kind === "expired" ? at - 10 * DAY : at - 2 * HOUR);
  const base = {
    id: SCENARIO_INVITATION_IDS[kind],
    tenantId: ACME,
    email,
    name: "Jordan Example",
    roleId: fixture.roles.clientUser,
    sentAt,
    expiresAt: new Date(sentAt.getTime() + 7 * DAY),
  };
  const retiredAt = new Date(at - HOUR);
  let row: InvitationRow;
  switch (kind) {
    case "valid":
    case "expired":
      row = invitationRow(base, inviter);
      break;
    case "revoked":
      row = invitationRow(
        {
          ...base,
          status: "revoked",
          revokedAt: retiredAt,
          revokedById: inviter.id,
          revokedByEmail: inviter.email,
          revokedByName: inviter.name,
        },
        inviter,
      );
      break;
    case "used": {
      const user = context.users.add({ email, tenantId: ACME, roleId: base.roleId });
      await store.insertMember({
        id: `mock-member-${kind}`,
        tenantId: ACME,
        userId: user.id,
        email: emailKey(email),
        roleId: base.roleId,
        status: "active",
        source: "email_invitation",
        createdAt: retiredAt,
      });
      row = invitationRow(
        { ...base, status: "accepted", acceptedAt: retiredAt, acceptedUserId: user.id },
        inviter,
      );
      break;
    }
    default: {
      const exhaustive: never = kind;
      throw new Error(`Unknown token kind ${String(exhaustive)}`);
    }
  }
  await store.insertInvitations([row]);
  await store.insertTokens([
    {
      hash: await hashToken(SCENARIO_TOKENS[kind]),
      invitationId: row.id,
      createdAt: sentAt,
      // Revoke and accept retire the token, as the services do.
      supersededAt: kind === "revoked" || kind === "used" ? retiredAt : null,
    },
  ]);
  await store.insertAuditEvents(eventsFor(row));
}

/** Inserts `count` generated invitations into a tenant in one store call. */
async function seedInvitations(
  context: ScenarioContext,
  tenantId: string,
  count: number,
): Promise<void> {
  const { fixture } = context;
  const rows = generateInvitations({
    tenantId,
    count,
    roleIds: [fixture.roles.clientUser, fixture.roles.clientUser, fixture.roles.clientAdmin],
    inviters: [fixture.actors.mspAdmin, fixture.actors.acmeAdmin, fixture.actors.technician],
    now: context.now,
    seed: 20_240_611,
    prefix: "",
  });
  await context.store.insertInvitations(rows);
  await context.store.insertAuditEvents(rows.flatMap(eventsFor));
}

function tokenScenario(kind: TokenKind, name: string, description: string): Scenario {
  return {
    name,
    description,
    tenantId: ACME,
    actor: "mspAdmin",
    tokens: { [kind]: SCENARIO_TOKENS[kind] },
    latencyMs: 0,
    failure: null,
    seed: (context) => seedTokenInvitation(context, kind),
  };
}

/** Names of the built-in scenarios. */
export type ScenarioName =
  | "empty"
  | "busy"
  | "validToken"
  | "expiredToken"
  | "revokedToken"
  | "usedToken"
  | "seatLimitReached"
  | "ssoTenant"
  | "slowNetwork"
  | "serverError";

/**
 * The built-in scenarios. Each starts from the fixture: MSP Northwind with client tenants
 * Acme and Globex (SSO, seat limit 5), Guardian apart, the demo role catalogs, and the MSP
 * admin signed in.
 */
export const scenarios: Record<ScenarioName, Scenario> = {
  empty: {
    name: "empty",
    description: "Acme has no invitations yet.",
    tenantId: ACME,
    actor: "mspAdmin",
    tokens: {},
    latencyMs: 0,
    failure: null,
    seed: async () => {},
  },
  busy: {
    name: "busy",
    description: `Acme has ${BUSY_INVITATIONS.toLocaleString("en")} invitations in every state, sent over 90 days.`,
    tenantId: ACME,
    actor: "mspAdmin",
    tokens: {},
    latencyMs: 0,
    failure: null,
    seed: (context) => seedInvitations(context, ACME, BUSY_INVITATIONS),
  },
  validToken: tokenScenario("valid", "validToken", "A pending invitation to Acme; its link works."),
  expiredToken: tokenScenario(
    "expired",
    "expiredToken",
    "An invitation to Acme whose link expired three days ago.",
  ),
  revokedToken: tokenScenario(
    "revoked",
    "revokedToken",
    "An invitation to Acme that an admin revoked.",
  ),
  usedToken: tokenScenario("used", "usedToken", "An invitation to Acme that was already accepted."),
  seatLimitReached: {
    name: "seatLimitReached",
    description: "Acme allows 5 seats: 2 members and 3 pending invitations fill them.",
    tenantId: ACME,
    actor: "mspAdmin",
    tokens: {},
    latencyMs: 0,
    failure: null,
    async seed(context) {
      const tenant = await context.store.getTenant(ACME);
      if (!tenant) throw new Error("The fixture has no Acme tenant.");
      await context.store.upsertTenant({ ...tenant, seatLimit: 5 });
      const inviter = context.fixture.actors.acmeAdmin;
      const sentAt = new Date(context.now.getTime() - DAY);
      const rows = ["kim", "lee", "max"].map((who) =>
        invitationRow(
          {
            id: `mock-inv-seat-${who}`,
            tenantId: ACME,
            email: `${who}@acme.example.com`,
            roleId: context.fixture.roles.clientUser,
            sentAt,
            expiresAt: new Date(sentAt.getTime() + 7 * DAY),
          },
          inviter,
        ),
      );
      await context.store.insertInvitations(rows);
      await context.store.insertAuditEvents(rows.flatMap(eventsFor));
    },
  },
  ssoTenant: {
    name: "ssoTenant",
    description: "Globex signs its people in with SSO, so its invite link cannot be enabled.",
    tenantId: GLOBEX,
    actor: "mspAdmin",
    tokens: {},
    latencyMs: 0,
    failure: null,
    async seed(context) {
      const tenant = await context.store.getTenant(GLOBEX);
      if (!tenant) throw new Error("The fixture has no Globex tenant.");
      await context.store.upsertTenant({ ...tenant, ssoEnabled: true });
    },
  },
  slowNetwork: {
    name: "slowNetwork",
    description: "A few dozen invitations in Acme, every answer 1.5 s late (loading states).",
    tenantId: ACME,
    actor: "mspAdmin",
    tokens: { valid: SCENARIO_TOKENS.valid },
    latencyMs: 1500,
    failure: null,
    async seed(context) {
      await seedInvitations(context, ACME, 40);
      await seedTokenInvitation(context, "valid");
    },
  },
  serverError: {
    name: "serverError",
    description: "Every call answers 500 INTERNAL (error states).",
    tenantId: ACME,
    actor: "mspAdmin",
    tokens: {},
    latencyMs: 0,
    failure: "INTERNAL",
    seed: async () => {},
  },
};

/** The built-in scenario names, in the order above. */
export const scenarioNames = Object.keys(scenarios) as ScenarioName[];

import { type ErrorCode, emailKey } from "@foyer/core";
import type { Foyer, Store } from "@foyer/server";
import type { EmailVerificationRow, InvitationRow, InviteLinkRow } from "@foyer/server/store";
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

/**
 * The plaintext token of Acme's invite link in the link scenarios. Like the server's, it is
 * derived from the (public) test secret, the link's id and its generation; only its hash is
 * stored, and the admin's `getInviteLink` answers the URL that carries it.
 */
export const SCENARIO_LINK_TOKEN = "k1.vgInmmcurVeRHPKxWbNoPm6njV7R88x5zc4r2hySJtw";

/** The id Acme's invite link has in the link scenarios (the token derives from it). */
export const SCENARIO_LINK_ID = "mock-link-acme";

/** The kinds of verification tokens `pendingVerification` seeds. */
export type VerificationKind = "valid" | "expired" | "used";

/** Plaintext verification tokens of `pendingVerification`, derived like the link's. */
export const SCENARIO_VERIFICATION_TOKENS: Record<VerificationKind, string> = {
  valid: "k1.L096046tRw3GVnSQrZXz_cjxp0e8TlZ1OxYhU7D7NZw",
  expired: "k1.IlO63YffC4XI0Up5S9QLl6bKBmKR8XEYOeNEwGPGtRM",
  used: "k1.kGie4a7ayNhY96vu2habdeTK8_4TrC-WdxiC_UxMWnU",
};

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
  /** The plaintext token of the invite link this scenario stored, if any. */
  linkToken?: string | undefined;
  /** Plaintext email-verification tokens this scenario stored, if any. */
  verificationTokens?: Partial<Record<VerificationKind, string>> | undefined;
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

/**
 * Stores one invitation in the given state and its token, the way the services leave it: in
 * Acme, or in Globex (the SSO tenant) with `tenant`.
 */
async function seedTokenInvitation(
  context: ScenarioContext,
  kind: TokenKind,
  tenant: typeof ACME | typeof GLOBEX = ACME,
): Promise<void> {
  const { store, fixture, now } = context;
  const inviter = tenant === ACME ? fixture.actors.acmeAdmin : fixture.actors.globexAdmin;
  const at = now.getTime();
  const email = `${kind}.invitee@${tenant === ACME ? "acme.example.com" : "globex.example"}`;
  const sentAt = new Date(kind === "expired" ? at - 10 * DAY : at - 2 * HOUR);
  const base = {
    id: SCENARIO_INVITATION_IDS[kind],
    tenantId: tenant,
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

/** Acme's invite link as the services leave it, with the scenario's changes. */
async function seedAcmeLink(
  context: ScenarioContext,
  changes: Partial<InviteLinkRow> = {},
): Promise<void> {
  const { store, fixture, now } = context;
  const admin = fixture.actors.acmeAdmin;
  const createdAt = new Date(now.getTime() - 3 * DAY);
  const row: InviteLinkRow = {
    tenantId: ACME,
    linkId: SCENARIO_LINK_ID,
    enabled: true,
    roleId: fixture.roles.clientUser,
    allowedDomains: [],
    expiresAt: null,
    maxJoins: null,
    generation: 1,
    tokenKid: "k1",
    tokenHash: await hashToken(SCENARIO_LINK_TOKEN),
    joinCount: 0,
    generationJoinCount: 0,
    createdAt,
    updatedAt: createdAt,
    regeneratedAt: null,
    updatedById: admin.id,
    updatedByEmail: admin.email,
    updatedByName: admin.name,
    ...changes,
  };
  await store.insertInviteLink(row);
  // Globex, Acme's sibling, allows a domain of its own: adding it to Acme shows the conflict.
  await store.replaceLinkDomains(GLOBEX, `parent:${fixture.tenants.msp}`, ["globex.example.com"]);
  await store.replaceLinkDomains(ACME, `parent:${fixture.tenants.msp}`, row.allowedDomains);
  await store.insertAuditEvents([
    {
      id: "mock-link-enabled",
      tenantId: ACME,
      invitationId: null,
      action: "link_enabled",
      source: "link",
      actorId: admin.id,
      actorEmail: admin.email,
      actorName: admin.name,
      subjectEmail: null,
      at: createdAt,
      data: { roleId: row.roleId, generation: 1 },
    },
  ]);
}

/** A joined Acme account per verification kind, each with its verification row. */
async function seedVerifications(context: ScenarioContext): Promise<void> {
  const { store, fixture, users, now } = context;
  const at = now.getTime();
  const kinds: VerificationKind[] = ["valid", "expired", "used"];
  for (const kind of kinds) {
    const email = `${kind}.joiner@acme.example.com`;
    const user = users.add({ email, tenantId: ACME, roleId: fixture.roles.clientUser });
    const record = users.users.get(email);
    if (record) record.emailVerified = kind === "used";
    const createdAt = new Date(kind === "expired" ? at - 2 * DAY : at - HOUR);
    await store.insertMember({
      id: `mock-member-joiner-${kind}`,
      tenantId: ACME,
      userId: user.id,
      email,
      roleId: fixture.roles.clientUser,
      status: "active",
      source: "link",
      createdAt,
    });
    const row: EmailVerificationRow = {
      id: `mock-verification-${kind}`,
      userId: user.id,
      tenantId: ACME,
      email,
      source: "link",
      generation: 1,
      tokenKid: "k1",
      tokenHash: await hashToken(SCENARIO_VERIFICATION_TOKENS[kind]),
      createdAt,
      expiresAt: new Date(createdAt.getTime() + DAY),
      lastSentAt: createdAt,
      sendCount: 1,
      verifiedAt: kind === "used" ? new Date(at - HOUR / 2) : null,
    };
    await store.insertEmailVerification(row);
  }
}

function linkScenario(
  name: ScenarioName,
  description: string,
  changes: (context: ScenarioContext) => Partial<InviteLinkRow>,
): Scenario {
  return {
    name,
    description,
    tenantId: ACME,
    actor: "mspAdmin",
    tokens: {},
    linkToken: SCENARIO_LINK_TOKEN,
    latencyMs: 0,
    failure: null,
    seed: (context) => seedAcmeLink(context, changes(context)),
  };
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
  | "serverError"
  | "linkEnabled"
  | "linkDisabled"
  | "linkDomainRestricted"
  | "linkFull"
  | "linkExpired"
  | "pendingVerification";

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
    description:
      "Globex signs its people in with SSO: its invite link cannot be enabled, and its invitee (token `valid`) accepts with Microsoft only.",
    tenantId: GLOBEX,
    actor: "mspAdmin",
    tokens: { valid: SCENARIO_TOKENS.valid },
    latencyMs: 0,
    failure: null,
    async seed(context) {
      const tenant = await context.store.getTenant(GLOBEX);
      if (!tenant) throw new Error("The fixture has no Globex tenant.");
      await context.store.upsertTenant({ ...tenant, ssoEnabled: true });
      await seedTokenInvitation(context, "valid", GLOBEX);
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
  linkEnabled: linkScenario(
    "linkEnabled",
    "Acme's invite link is on: anyone with it joins as Client user.",
    () => ({}),
  ),
  linkDisabled: linkScenario(
    "linkDisabled",
    "Acme's invite link is turned off; turning it on restores the same URL.",
    () => ({ enabled: false }),
  ),
  linkDomainRestricted: linkScenario(
    "linkDomainRestricted",
    "Acme's link accepts only acme.example.com and acme.example; Globex allows globex.example.com.",
    () => ({ allowedDomains: ["acme.example.com", "acme.example"] }),
  ),
  linkFull: linkScenario(
    "linkFull",
    "Acme's link allowed 3 joins and 3 people joined: it accepts nobody else.",
    () => ({ maxJoins: 3, joinCount: 3, generationJoinCount: 3 }),
  ),
  linkExpired: linkScenario(
    "linkExpired",
    "Acme's link stopped accepting joins yesterday.",
    (context) => ({ expiresAt: new Date(context.now.getTime() - DAY) }),
  ),
  pendingVerification: {
    name: "pendingVerification",
    description:
      "Three people joined Acme through its link: one can verify, one's link expired, one verified already.",
    tenantId: ACME,
    actor: "mspAdmin",
    tokens: {},
    linkToken: SCENARIO_LINK_TOKEN,
    verificationTokens: SCENARIO_VERIFICATION_TOKENS,
    latencyMs: 0,
    failure: null,
    async seed(context) {
      await seedAcmeLink(context);
      await seedVerifications(context);
    },
  },
};

/** The built-in scenario names, in the order above. */
export const scenarioNames = Object.keys(scenarios) as ScenarioName[];

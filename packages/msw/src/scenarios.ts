import {
  linkScenario,
  seedAcmeLink,
  seedInvitations,
  seedTokenInvitation,
  seedVerifications,
} from "./internal/scenario-seeds.ts";
import { DAY, eventsFor, invitationRow } from "./internal/seed-rows.ts";
import {
  ACME,
  BUSY_INVITATIONS,
  GLOBEX,
  SCENARIO_LINK_TOKEN,
  SCENARIO_TOKENS,
  SCENARIO_VERIFICATION_TOKENS,
  type Scenario,
  type TokenKind,
} from "./scenario-data.ts";

export * from "./scenario-data.ts";

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

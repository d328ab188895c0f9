import { emailKey } from "@foyer/core";
import type { EmailVerificationRow, InvitationRow, InviteLinkRow } from "@foyer/server/store";
import { hashToken } from "@foyer/server/testing";
import {
  ACME,
  GLOBEX,
  SCENARIO_INVITATION_IDS,
  SCENARIO_LINK_ID,
  SCENARIO_LINK_TOKEN,
  SCENARIO_TOKENS,
  SCENARIO_VERIFICATION_TOKENS,
  type Scenario,
  type ScenarioContext,
  type TokenKind,
  type VerificationKind,
} from "../scenario-data.ts";
import type { ScenarioName } from "../scenarios.ts";
import { DAY, eventsFor, generateInvitations, HOUR, invitationRow } from "./seed-rows.ts";

// How the scenarios seed: rows written the way the services leave them.

/**
 * Stores one invitation in the given state and its token, the way the services leave it: in
 * Acme, or in Globex (the SSO tenant) with `tenant`.
 */
export async function seedTokenInvitation(
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
export async function seedAcmeLink(
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
export async function seedVerifications(context: ScenarioContext): Promise<void> {
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

export function linkScenario(
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
export async function seedInvitations(
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

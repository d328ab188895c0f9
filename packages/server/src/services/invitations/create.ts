import {
  type Actor,
  type BatchResult,
  type CreateInvitationsBody,
  CreateInvitationsBodySchema,
  deriveStatus,
  type ExpiryPreset,
  emailDomain,
  expiryFrom,
  markDuplicates,
  type Role,
  type SkipReason,
  skipMessage,
  type Tenant,
} from "@foyer/core";
import type * as z from "zod/mini";
import { FoyerServiceError } from "../../errors.ts";
import { newInvitationRow } from "../../store/new-invitation-row.ts";
import type {
  AuditRow,
  InvitationRow,
  NewInvitationRows,
  OutboxRow,
  StoreTx,
  TokenRow,
} from "../../store/types.ts";
import { newId } from "../../tokens.ts";
import type { HostUser } from "../../types.ts";
import { grantableRole, requirePermission, tenantInScope } from "../access.ts";
import { actorRef, type ServiceContext, seatsLeftOf } from "../context.ts";
import { toInvitation } from "../mapping.ts";
import { queuedEmail } from "../outbox.ts";
import { parseInput } from "../validate.ts";
import { resolvePreset, revokeRow, settleExpired } from "./rules.ts";

/** The request body after validation (defaults filled in). */
type ParsedBody = z.output<typeof CreateInvitationsBodySchema>;

type Skip = (input: string, email: string | null, reason: SkipReason, message?: string) => void;

/** An address that passed the checks so far. */
interface Candidate {
  input: string;
  email: string;
}

/** A candidate that will be invited; `replaces` is the pending invitation it replaces. */
interface Accepted extends Candidate {
  replaces: InvitationRow | null;
}

/**
 * Invites one or many addresses (R-INV-01, R-INV-02). The rules, in order: the actor may
 * invite into the tenant with this role and expiry; each address is valid, not repeated in
 * the batch and in an allowed domain; then, under the tenant's lock, not a user or member
 * already (R-INV-04), not pending already unless asked to replace it (R-INV-03), and within
 * the seat limit (R-INV-05). Skipped addresses are reported in the caller's order with a
 * reason; `dryRun` answers the same without writing.
 */
export async function createInvitations(
  ctx: ServiceContext,
  actor: Actor,
  rawBody: CreateInvitationsBody,
): Promise<BatchResult> {
  const body = parseInput(CreateInvitationsBodySchema, rawBody);
  const access = await ctx.access(actor);
  requirePermission(access, "invitations:create");
  const scoped = tenantInScope(access, body.tenantId);
  if (scoped.status !== "active") throw new FoyerServiceError("TENANT_INACTIVE");
  const role = await grantableRole(ctx.store, access, scoped, body.roleId);
  const preset = resolvePreset(scoped, body.expiresIn);

  const skipped: BatchResult["skipped"] = [];
  const skip: Skip = (input, email, reason, message) =>
    skipped.push({ input, email, reason, message: message ?? skipMessage(reason) });

  const inDomain = screenAddresses(body.emails, scoped, skip);

  // The host's users (R-INV-04), looked up before the transaction: host lookups may be slow.
  const hostUsers = new Map(
    (await ctx.lookupUsers(inDomain.map((c) => c.email))).map((u) => [u.email.toLowerCase(), u]),
  );

  const outcome = await ctx.store.transaction(async (tx) => {
    const tenant = await tx.lockTenant(scoped.id);
    if (tenant?.status !== "active") throw new FoyerServiceError("TENANT_INACTIVE");
    const at = ctx.now();
    const events: AuditRow[] = [];
    const plan = await sortOut(ctx, tx, { tenant, inDomain, hostUsers, body, at, events, skip });

    // R-INV-05: active members + pending invitations never exceed the seat limit.
    let left = plan.seatsTaken === null ? null : seatsLeftOf(tenant, plan.seatsTaken);
    if (left !== null) left += plan.replaces.length;
    const toCreate = left === null ? plan.accepted : plan.accepted.slice(0, left);
    for (const c of left === null ? [] : plan.accepted.slice(left)) {
      skip(
        c.input,
        c.email,
        "seat_limit",
        `The tenant's seat limit is reached: ${left} of ${tenant.seatLimit} seats left.`,
      );
    }
    const seatsAfter = left === null ? null : Math.max(0, left - toCreate.length);

    if (body.dryRun) {
      return {
        result: {
          dryRun: true,
          created: toCreate.map((c) => ({
            email: c.email,
            invitation: null,
            link: null,
            replacedId: c.replaces?.id ?? null,
          })),
          skipped,
          seatsLeft: seatsAfter,
        } satisfies BatchResult,
        events: [],
      };
    }

    for (const { row, patch } of plan.settles) {
      await tx.updateInvitation(row.id, patch);
      await tx.supersedeTokens(row.id, at);
    }
    await revokeReplaced(ctx, tx, actor, toCreate, at, events);
    const { created, rows } = await newInvitations(ctx, {
      actor,
      tenant,
      role,
      preset,
      body,
      toCreate,
      at,
      events,
    });
    // The new rows and every audit record of the call, in one write (one statement in SQL).
    await tx.insertNewInvitations({ ...rows, audit: events });
    return {
      result: { dryRun: false, created, skipped, seatsLeft: seatsAfter } satisfies BatchResult,
      events,
    };
  });
  await ctx.emit(outcome.events);
  // Skips were pushed in discovery order; report them in the caller's order.
  const order = new Map(body.emails.map((input, index) => [input, index]));
  outcome.result.skipped.sort((a, b) => (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0));
  return outcome.result;
}

/** Skips invalid and repeated addresses, then those outside the tenant's allowed domains. */
function screenAddresses(emails: string[], tenant: Tenant, skip: Skip): Candidate[] {
  const candidates: Candidate[] = [];
  for (const parsed of markDuplicates(emails)) {
    if (parsed.state === "invalid" || parsed.email === null)
      skip(parsed.input, null, "invalid_email");
    else if (parsed.state === "duplicate") skip(parsed.input, parsed.email, "duplicate_in_batch");
    else candidates.push({ input: parsed.input, email: parsed.email });
  }

  const allowed = tenant.settings.allowedDomains;
  return candidates.filter((c) => {
    if (allowed.length === 0 || allowed.includes(emailDomain(c.email))) return true;
    skip(c.input, c.email, "domain_not_allowed");
    return false;
  });
}

/**
 * Under the tenant's lock: skips users and members (R-INV-04) and addresses already pending
 * unless replacing (R-INV-03); an expired pending row no longer blocks and is settled. Reads
 * the seats taken in the same round trip when the tenant has a limit (R-INV-05).
 */
async function sortOut(
  ctx: ServiceContext,
  tx: StoreTx,
  input: {
    tenant: Tenant;
    inDomain: Candidate[];
    hostUsers: Map<string, HostUser>;
    body: Pick<ParsedBody, "ifPending">;
    at: Date;
    events: AuditRow[];
    skip: Skip;
  },
) {
  const { tenant, inDomain, hostUsers, body, at, events, skip } = input;
  const emails = inDomain.map((c) => c.email);
  const { open, members, seatsTaken } = await tx.checkInvitees(
    tenant.id,
    emails,
    tenant.seatLimit === null ? null : at,
  );
  const openByEmail = new Map(open.map((row) => [row.email.toLowerCase(), row]));
  const memberByEmail = new Map(members.map((m) => [m.email.toLowerCase(), m]));

  const settles: { row: InvitationRow; patch: Partial<InvitationRow> }[] = [];
  const replaces: InvitationRow[] = [];
  const accepted: Accepted[] = [];
  for (const c of inDomain) {
    const user = hostUsers.get(c.email);
    const member = memberByEmail.get(c.email);
    if (user?.active === false || member?.status === "inactive") {
      // R-INV-04: a deactivated user owns the address too, with a reason of its own.
      skip(c.input, c.email, "deactivated_user");
      continue;
    }
    if (user || member) {
      skip(c.input, c.email, "already_member");
      continue;
    }
    const existing = openByEmail.get(c.email) ?? null;
    if (existing && deriveStatus(existing.status, existing.expiresAt, at) === "expired") {
      // R-INV-03: an expired invitation no longer blocks; settle it in this transaction.
      const settled = settleExpired(ctx, existing, at);
      settles.push({ row: existing, patch: settled.patch });
      if (settled.event) events.push(settled.event);
      accepted.push({ ...c, replaces: null });
    } else if (existing) {
      if (body.ifPending === "skip") skip(c.input, c.email, "already_pending");
      else {
        replaces.push(existing);
        accepted.push({ ...c, replaces: existing });
      }
    } else accepted.push({ ...c, replaces: null });
  }
  return { settles, replaces, accepted, seatsTaken };
}

/** Revokes the pending invitations the new ones replace, killing their links and emails. */
async function revokeReplaced(
  ctx: ServiceContext,
  tx: StoreTx,
  actor: Actor,
  toCreate: Accepted[],
  at: Date,
  events: AuditRow[],
): Promise<void> {
  for (const row of toCreate.map((c) => c.replaces).filter((r): r is InvitationRow => r !== null)) {
    const revoked = await revokeRow(ctx, tx, {
      actor,
      row,
      at,
      why: "Replaced by a new invitation",
      data: { reason: "replaced" },
    });
    events.push(revoked.event);
  }
}

/**
 * Makes the new invitations with their tokens, queued emails (R-EML-02) and audit rows, and
 * answers each one's result with its plaintext link where the caller asked for it (R-INV-10).
 */
async function newInvitations(
  ctx: ServiceContext,
  input: {
    actor: Actor;
    tenant: Tenant;
    role: Role;
    preset: ExpiryPreset;
    body: Pick<ParsedBody, "name" | "names" | "department" | "teams" | "message" | "delivery">;
    toCreate: Accepted[];
    at: Date;
    events: AuditRow[];
  },
): Promise<{ created: BatchResult["created"]; rows: Omit<NewInvitationRows, "audit"> }> {
  const { actor, tenant, role, preset, body, toCreate, at, events } = input;
  const sendEmail = body.delivery !== "link";
  const expiresAt = expiryFrom(preset, at);
  const rows: InvitationRow[] = [];
  const tokens: TokenRow[] = [];
  const outbox: OutboxRow[] = [];
  const created: BatchResult["created"] = [];
  // R-EML-04: each token is derived from the server secret (generation 1), so the email
  // can be rendered at send time and the link copied again; only its hash is stored.
  const ids = toCreate.map(() => newId());
  const issued = await Promise.all(ids.map((id) => ctx.issueInvitationToken(id, 1)));
  toCreate.forEach((c, index) => {
    const { token, hash, kid } = issued[index]!;
    const row = newInvitationRow(
      {
        id: ids[index]!,
        tenantId: tenant.id,
        email: c.email,
        name: body.names?.[c.input] ?? body.names?.[c.email] ?? body.name ?? null,
        roleId: role.id,
        department: body.department ?? null,
        teams: body.teams ?? [],
        message: body.message ?? null,
        sentAt: at,
        expiresAt,
        deliveryStatus: sendEmail ? "queued" : "none",
        deliveryUpdatedAt: sendEmail ? at : null,
        tokenKid: kid,
        tokenGeneration: 1,
      },
      actor,
    );
    const link = ctx.inviteLink(tenant, token);
    rows.push(row);
    tokens.push({ hash, invitationId: row.id, createdAt: at, supersededAt: null });
    if (sendEmail) outbox.push(queuedEmail(row, "invitation", at));
    events.push(
      ctx.audit({
        tenantId: tenant.id,
        invitationId: row.id,
        action: "created",
        source: sendEmail ? "email_invitation" : "manual",
        ...actorRef(actor),
        subjectEmail: row.email,
        at,
        data: {
          roleId: role.id,
          expiresIn: preset,
          delivery: body.delivery,
          ...(c.replaces ? { replacedId: c.replaces.id } : {}),
        },
      }),
    );
    created.push({
      email: row.email,
      invitation: toInvitation(row, tenant, role, at),
      link: body.delivery === "email" ? null : link,
      replacedId: c.replaces?.id ?? null,
    });
  });
  return { created, rows: { invitations: rows, tokens, emails: outbox } };
}

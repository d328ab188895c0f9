import {
  AcceptInvitationBodySchema,
  type Actor,
  AuditQuerySchema,
  type BatchResult,
  CreateInvitationsBodySchema,
  canGrantRole,
  DEFAULT_PASSWORD_POLICY,
  deriveStatus,
  EXPIRY_PRESET_HOURS,
  type ExpiryPreset,
  emailDomain,
  evaluatePassword,
  expiryFrom,
  type Invitation,
  ListInvitationsQuerySchema,
  markDuplicates,
  type PasswordPolicy,
  ResendInvitationBodySchema,
  type Role,
  type SkipReason,
  type Tenant,
  TokenBodySchema,
} from "@foyer/core";
import { FoyerServiceError } from "../errors.ts";
import { renderInvitationEmail } from "../mail/invitation-email.ts";
import type {
  AuditRow,
  InvitationRow,
  OutboxRow,
  Store,
  StoreOps,
  StoreTx,
  TokenRow,
} from "../store/types.ts";
import { generateToken, hashToken, newId } from "../tokens.ts";
import type { FoyerHooks, FoyerServices, HostUser, Logger, PasswordHasher } from "../types.ts";
import {
  type Access,
  requirePermission,
  resolveAccess,
  rolesForTenant,
  tenantInScope,
} from "./access.ts";
import { decodeCursor, encodeCursor, toAuditEvent, toInvitation } from "./mapping.ts";
import { parseInput } from "./validate.ts";

/** What the services need; `createFoyer` fills it from `FoyerOptions`. */
export interface ServiceDeps {
  store: Store;
  hooks: FoyerHooks;
  now: () => Date;
  publicBaseUrl: string;
  acceptPath: string;
  passwordHasher: PasswordHasher;
  passwordPolicy?: PasswordPolicy;
  productName: string;
  logger: Logger;
}

const SKIP_MESSAGES: Record<SkipReason, string> = {
  invalid_email: "This is not a valid email address.",
  duplicate_in_batch: "This address appears earlier in the list.",
  already_pending: "An invitation to this address is already pending.",
  already_member: "This address already belongs to a user.",
  domain_not_allowed: "This tenant does not allow invitations to this domain.",
  seat_limit: "The tenant's seat limit is reached.",
};

/** Builds the invitee link from configured URLs only, never from request headers (R-INV-15). */
export function buildInviteLink(
  tenant: Pick<Tenant, "inviteBaseUrl">,
  publicBaseUrl: string,
  acceptPath: string,
  token: string,
): string {
  const base = (tenant.inviteBaseUrl ?? publicBaseUrl).replace(/\/+$/, "");
  return `${base}${acceptPath}#token=${token}`;
}

function actorRef(actor: Actor | null) {
  return {
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    actorName: actor?.name ?? null,
  };
}

function expiryHours(preset: ExpiryPreset): number {
  return EXPIRY_PRESET_HOURS[preset];
}

/**
 * The business rules of Foyer, written once (DESIGN.md). Every method authorises its actor,
 * validates its input, and does its writes in one transaction.
 */
export function createServices(deps: ServiceDeps): FoyerServices {
  const { store, hooks, now, logger } = deps;
  const policy = deps.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;

  async function emit(rows: AuditRow[]): Promise<void> {
    if (!hooks.onEvent) return;
    for (const row of rows) {
      try {
        await hooks.onEvent(toAuditEvent(row));
      } catch (error) {
        logger.error("onEvent hook failed", { action: row.action, error: String(error) });
      }
    }
  }

  function audit(
    row: Omit<AuditRow, "id" | "at" | "data"> & { at?: Date; data?: Record<string, unknown> },
  ): AuditRow {
    return { id: newId(), at: row.at ?? now(), data: row.data ?? {}, ...row };
  }

  async function view(
    ops: StoreOps,
    access: Access | null,
    row: InvitationRow,
  ): Promise<Invitation> {
    const tenant = access?.tenants.get(row.tenantId) ?? (await ops.getTenant(row.tenantId));
    const roles = access?.roles ?? (await ops.listRoles());
    return toInvitation(
      row,
      tenant ?? undefined,
      roles.find((r) => r.id === row.roleId),
      now(),
    );
  }

  async function invitationInScope(access: Access, invitationId: string): Promise<InvitationRow> {
    const row = await store.getInvitation(invitationId);
    if (!row || !access.tenants.has(row.tenantId)) {
      throw new FoyerServiceError("INVITATION_NOT_FOUND");
    }
    return row;
  }

  async function lookupUsers(emails: string[]): Promise<HostUser[]> {
    if (emails.length === 0) return [];
    if (hooks.findUsersByEmails) return hooks.findUsersByEmails(emails);
    if (!hooks.findUserByEmail) return [];
    const find = hooks.findUserByEmail;
    const found = await Promise.all(emails.map((email) => find(email)));
    return found.filter((user): user is HostUser => user !== null);
  }

  function resolvePreset(tenant: Tenant, requested: ExpiryPreset | undefined): ExpiryPreset {
    const preset = requested ?? tenant.settings.defaultExpiry;
    if (expiryHours(preset) > expiryHours(tenant.settings.maxExpiry)) {
      throw new FoyerServiceError("EXPIRY_NOT_ALLOWED", {
        message: `expiresIn ${preset} is longer than this tenant allows (${tenant.settings.maxExpiry}).`,
        issues: [
          { path: "expiresIn", message: `expiresIn must be at most ${tenant.settings.maxExpiry}.` },
        ],
      });
    }
    return preset;
  }

  async function grantableRole(access: Access, tenant: Tenant, roleId: string): Promise<Role> {
    const available = await rolesForTenant(store, access.roles, tenant);
    const role = available.find((r) => r.id === roleId);
    if (!role) {
      throw new FoyerServiceError("ROLE_NOT_FOUND", {
        issues: [{ path: "roleId", message: "roleId is not a role of this tenant." }],
      });
    }
    if (!canGrantRole(access.role, role)) {
      throw new FoyerServiceError("ROLE_NOT_GRANTABLE", {
        message: `You cannot grant ${role.name}: it ranks above your own role or is an MSP staff role.`,
      });
    }
    return role;
  }

  /** Queues the invitation email in the same transaction as the change (R-EML-02). */
  function invitationEmail(
    row: InvitationRow,
    tenant: Tenant,
    role: Role,
    link: string,
    at: Date,
  ): OutboxRow {
    const content = renderInvitationEmail({
      to: row.email,
      productName: deps.productName,
      tenantName: tenant.name,
      roleName: role.name,
      inviterName: row.invitedByName ?? row.invitedByEmail,
      message: row.message,
      expiresAt: row.expiresAt,
      link,
      kind: "invitation",
    });
    return {
      id: newId(),
      tenantId: row.tenantId,
      invitationId: row.id,
      kind: "invitation",
      ...content,
      status: "queued",
      attempts: 0,
      nextAttemptAt: at,
      lastError: null,
      createdAt: at,
      sentAt: null,
    };
  }

  /** Cancels queued emails of an invitation whose link just died. */
  async function cancelQueuedEmails(tx: StoreTx, invitationId: string, reason: string) {
    const emails = await tx.listEmails({ invitationId });
    for (const email of emails) {
      if (email.status === "queued") {
        await tx.updateEmail(email.id, { status: "failed", lastError: reason });
      }
    }
  }

  /** Records expiry of a pending row that ran out, once (R-INV-14). */
  function settleExpired(
    row: InvitationRow,
    at: Date,
  ): { patch: Partial<InvitationRow>; event: AuditRow | null } {
    return {
      patch: { status: "expired", expiredRecordedAt: row.expiredRecordedAt ?? at },
      event: row.expiredRecordedAt
        ? null
        : audit({
            tenantId: row.tenantId,
            invitationId: row.id,
            action: "expired",
            source: "system",
            ...actorRef(null),
            subjectEmail: row.email,
            data: { expiresAt: row.expiresAt.toISOString() },
          }),
    };
  }

  async function seatsLeft(tx: StoreTx, tenant: Tenant, at: Date): Promise<number | null> {
    if (tenant.seatLimit === null) return null;
    const [members, pending] = await Promise.all([
      tx.countActiveMembers(tenant.id),
      tx.countPendingInvitations(tenant.id, at),
    ]);
    return Math.max(0, tenant.seatLimit - members - pending);
  }

  const services: FoyerServices = {
    async getContext(actor) {
      const access = await resolveAccess(store, actor);
      return {
        actor,
        role: access.role,
        tenants: [...access.tenants.values()].map((tenant) => ({
          tenant,
          permissions: access.role.permissions,
        })),
      };
    },

    async listTenantRoles(actor, tenantId) {
      const access = await resolveAccess(store, actor);
      const tenant = tenantInScope(access, tenantId);
      if (
        !access.role.permissions.includes("invitations:create") &&
        !access.role.permissions.includes("invite_links:manage")
      ) {
        requirePermission(access, "invitations:create");
      }
      const roles = await rolesForTenant(store, access.roles, tenant);
      return { roles: roles.map((role) => ({ role, grantable: canGrantRole(access.role, role) })) };
    },

    async listInvitations(actor, rawQuery) {
      const query = parseInput(ListInvitationsQuerySchema, rawQuery);
      const access = await resolveAccess(store, actor);
      requirePermission(access, "invitations:read");
      const tenantIds = query.tenantId
        ? [tenantInScope(access, query.tenantId).id]
        : [...access.tenants.keys()];
      const at = now();
      let after: { value: Date; id: string } | undefined;
      if (query.cursor) {
        const decoded = decodeCursor(query.cursor);
        const value = decoded ? new Date(decoded.v ?? "") : null;
        if (
          !decoded ||
          !value ||
          Number.isNaN(value.getTime()) ||
          !decoded.i ||
          decoded.s !== query.sort ||
          decoded.o !== query.order
        ) {
          throw new FoyerServiceError("VALIDATION_FAILED", {
            message: "cursor is not valid for this query.",
            issues: [{ path: "cursor", message: "cursor is not valid for this query." }],
          });
        }
        after = { value, id: decoded.i };
      }
      const search = query.q?.trim().toLowerCase() || undefined;
      const [rows, counts] = await Promise.all([
        store.listInvitations({
          tenantIds,
          filter: query.status,
          search,
          sort: query.sort,
          order: query.order,
          after,
          limit: query.limit + 1,
          now: at,
        }),
        query.counts === "true" ? store.countInvitations(tenantIds, search, at) : null,
      ]);
      const page = rows.slice(0, query.limit);
      const last = page[page.length - 1];
      const nextCursor =
        rows.length > query.limit && last
          ? encodeCursor({
              v: (query.sort === "sentAt" ? last.sentAt : last.expiresAt).toISOString(),
              i: last.id,
              s: query.sort,
              o: query.order,
            })
          : null;
      const roleById = new Map(access.roles.map((r) => [r.id, r]));
      return {
        items: page.map((row) =>
          toInvitation(row, access.tenants.get(row.tenantId), roleById.get(row.roleId), at),
        ),
        nextCursor,
        counts,
      };
    },

    async createInvitations(actor, rawBody) {
      const body = parseInput(CreateInvitationsBodySchema, rawBody);
      const access = await resolveAccess(store, actor);
      requirePermission(access, "invitations:create");
      const scoped = tenantInScope(access, body.tenantId);
      if (scoped.status !== "active") throw new FoyerServiceError("TENANT_INACTIVE");
      const role = await grantableRole(access, scoped, body.roleId);
      const preset = resolvePreset(scoped, body.expiresIn);

      const skipped: BatchResult["skipped"] = [];
      const skip = (input: string, email: string | null, reason: SkipReason, message?: string) =>
        skipped.push({ input, email, reason, message: message ?? SKIP_MESSAGES[reason] });

      const candidates: { input: string; email: string }[] = [];
      for (const parsed of markDuplicates(body.emails)) {
        if (parsed.state === "invalid" || parsed.email === null)
          skip(parsed.input, null, "invalid_email");
        else if (parsed.state === "duplicate")
          skip(parsed.input, parsed.email, "duplicate_in_batch");
        else candidates.push({ input: parsed.input, email: parsed.email });
      }

      const allowed = scoped.settings.allowedDomains;
      const inDomain = candidates.filter((c) => {
        if (allowed.length === 0 || allowed.includes(emailDomain(c.email))) return true;
        skip(c.input, c.email, "domain_not_allowed");
        return false;
      });

      // The host's users (R-INV-04), looked up before the transaction: host lookups may be slow.
      const hostUsers = new Set(
        (await lookupUsers(inDomain.map((c) => c.email))).map((u) => u.email.toLowerCase()),
      );

      const outcome = await store.transaction(async (tx) => {
        const tenant = await tx.lockTenant(scoped.id);
        if (tenant?.status !== "active") throw new FoyerServiceError("TENANT_INACTIVE");
        const at = now();
        const emails = inDomain.map((c) => c.email);
        const [open, members] = await Promise.all([
          tx.findOpenInvitations(tenant.id, emails),
          tx.findMembersByEmails(emails),
        ]);
        const openByEmail = new Map(open.map((row) => [row.email.toLowerCase(), row]));
        const memberEmails = new Set(members.map((m) => m.email.toLowerCase()));

        const events: AuditRow[] = [];
        const settles: { row: InvitationRow; patch: Partial<InvitationRow> }[] = [];
        const replaces: InvitationRow[] = [];
        const accepted: { input: string; email: string; replaces: InvitationRow | null }[] = [];
        for (const c of inDomain) {
          if (hostUsers.has(c.email) || memberEmails.has(c.email)) {
            skip(c.input, c.email, "already_member");
            continue;
          }
          const existing = openByEmail.get(c.email) ?? null;
          if (existing && deriveStatus(existing.status, existing.expiresAt, at) === "expired") {
            // R-INV-03: an expired invitation no longer blocks; settle it in this transaction.
            const settled = settleExpired(existing, at);
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

        // R-INV-05: active members + pending invitations never exceed the seat limit.
        let left = await seatsLeft(tx, tenant, at);
        if (left !== null) left += replaces.length;
        const toCreate = left === null ? accepted : accepted.slice(0, left);
        for (const c of left === null ? [] : accepted.slice(left)) {
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

        for (const { row, patch } of settles) {
          await tx.updateInvitation(row.id, patch);
          await tx.supersedeTokens(row.id, at);
        }
        for (const row of toCreate
          .map((c) => c.replaces)
          .filter((r): r is InvitationRow => r !== null)) {
          await tx.updateInvitation(row.id, {
            status: "revoked",
            revokedAt: at,
            revokedById: actor.id,
            revokedByEmail: actor.email,
            revokedByName: actor.name,
          });
          await tx.supersedeTokens(row.id, at);
          await cancelQueuedEmails(tx, row.id, "Replaced by a new invitation");
          events.push(
            audit({
              tenantId: tenant.id,
              invitationId: row.id,
              action: "revoked",
              source: "manual",
              ...actorRef(actor),
              subjectEmail: row.email,
              at,
              data: { reason: "replaced" },
            }),
          );
        }

        const sendEmail = body.delivery !== "link";
        const expiresAt = expiryFrom(preset, at);
        const rows: InvitationRow[] = [];
        const tokens: TokenRow[] = [];
        const outbox: OutboxRow[] = [];
        const created: BatchResult["created"] = [];
        const tokenPairs = await Promise.all(
          toCreate.map(async () => {
            const token = generateToken();
            return { token, hash: await hashToken(token) };
          }),
        );
        toCreate.forEach((c, index) => {
          const { token, hash } = tokenPairs[index]!;
          const row: InvitationRow = {
            id: newId(),
            tenantId: tenant.id,
            email: c.email,
            name: body.name ?? null,
            roleId: role.id,
            department: body.department ?? null,
            teams: body.teams ?? [],
            message: body.message ?? null,
            status: "pending",
            invitedById: actor.id,
            invitedByEmail: actor.email,
            invitedByName: actor.name,
            createdAt: at,
            sentAt: at,
            expiresAt,
            acceptedAt: null,
            acceptedUserId: null,
            revokedAt: null,
            revokedById: null,
            revokedByEmail: null,
            revokedByName: null,
            resendCount: 0,
            deliveryStatus: sendEmail ? "queued" : "none",
            deliveryError: null,
            deliveryUpdatedAt: sendEmail ? at : null,
            reminderSentAt: null,
            expiredRecordedAt: null,
          };
          const link = buildInviteLink(tenant, deps.publicBaseUrl, deps.acceptPath, token);
          rows.push(row);
          tokens.push({ hash, invitationId: row.id, createdAt: at, supersededAt: null });
          if (sendEmail) outbox.push(invitationEmail(row, tenant, role, link, at));
          events.push(
            audit({
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
        await tx.insertInvitations(rows);
        await tx.insertTokens(tokens);
        if (outbox.length > 0) await tx.enqueueEmails(outbox);
        await tx.insertAuditEvents(events);
        return {
          result: { dryRun: false, created, skipped, seatsLeft: seatsAfter } satisfies BatchResult,
          events,
        };
      });
      await emit(outcome.events);
      // Skips were pushed in discovery order; report them in the caller's order.
      const order = new Map(body.emails.map((input, index) => [input, index]));
      outcome.result.skipped.sort((a, b) => (order.get(a.input) ?? 0) - (order.get(b.input) ?? 0));
      return outcome.result;
    },

    async getInvitation(actor, invitationId) {
      const access = await resolveAccess(store, actor);
      requirePermission(access, "invitations:read");
      const row = await invitationInScope(access, invitationId);
      return { invitation: await view(store, access, row) };
    },

    async resendInvitation(actor, invitationId, rawBody) {
      const body = parseInput(ResendInvitationBodySchema, rawBody ?? {});
      const access = await resolveAccess(store, actor);
      requirePermission(access, "invitations:create");
      const found = await invitationInScope(access, invitationId);
      const scoped = tenantInScope(access, found.tenantId);
      const role = await grantableRole(access, scoped, found.roleId);
      const preset = resolvePreset(scoped, body.expiresIn);
      const outcome = await store.transaction(async (tx) => {
        // Lock order everywhere: tenant, then invitation.
        const tenant = await tx.lockTenant(found.tenantId);
        const row = await tx.lockInvitation(invitationId);
        if (!tenant || !row) throw new FoyerServiceError("INVITATION_NOT_FOUND");
        if (tenant.status !== "active") throw new FoyerServiceError("TENANT_INACTIVE");
        const at = now();
        const status = deriveStatus(row.status, row.expiresAt, at);
        if (status !== "pending" && status !== "expired") {
          throw new FoyerServiceError("INVITATION_NOT_RESENDABLE", {
            message: `This invitation is ${status}; only pending or expired invitations can be resent.`,
          });
        }
        const events: AuditRow[] = [];
        if (status === "expired") {
          const others = await tx.findOpenInvitations(tenant.id, [row.email]);
          if (
            others.some(
              (o) => o.id !== row.id && deriveStatus(o.status, o.expiresAt, at) === "pending",
            )
          ) {
            throw new FoyerServiceError("INVITATION_NOT_RESENDABLE", {
              message: "A newer invitation to this address is pending; resend that one instead.",
            });
          }
          const left = await seatsLeft(tx, tenant, at);
          if (left !== null && left < 1) {
            throw new FoyerServiceError("SEAT_LIMIT_REACHED", {
              message: `The tenant's seat limit is reached: 0 of ${tenant.seatLimit} seats left.`,
              details: { seatsLeft: 0, seatLimit: tenant.seatLimit },
            });
          }
          const settled = settleExpired(row, at);
          if (settled.event) events.push(settled.event);
        }
        const token = generateToken();
        const hash = await hashToken(token);
        const sendEmail = body.delivery !== "link";
        const patch: Partial<InvitationRow> = {
          status: "pending",
          sentAt: at,
          expiresAt: expiryFrom(preset, at),
          resendCount: row.resendCount + 1,
          deliveryStatus: sendEmail ? "queued" : "none",
          deliveryError: null,
          deliveryUpdatedAt: sendEmail ? at : null,
          reminderSentAt: null,
          expiredRecordedAt: null,
        };
        await tx.supersedeTokens(row.id, at);
        await cancelQueuedEmails(tx, row.id, "Superseded by a resend");
        await tx.updateInvitation(row.id, patch);
        await tx.insertTokens([{ hash, invitationId: row.id, createdAt: at, supersededAt: null }]);
        const updated: InvitationRow = { ...row, ...patch };
        const link = buildInviteLink(tenant, deps.publicBaseUrl, deps.acceptPath, token);
        if (sendEmail) await tx.enqueueEmails([invitationEmail(updated, tenant, role, link, at)]);
        events.push(
          audit({
            tenantId: tenant.id,
            invitationId: row.id,
            action: "resent",
            source: sendEmail ? "email_invitation" : "manual",
            ...actorRef(actor),
            subjectEmail: row.email,
            at,
            data: { expiresIn: preset, delivery: body.delivery, previousStatus: status },
          }),
        );
        await tx.insertAuditEvents(events);
        return {
          result: {
            invitation: toInvitation(updated, tenant, role, at),
            link: body.delivery === "email" ? null : link,
          },
          events,
        };
      });
      await emit(outcome.events);
      return outcome.result;
    },

    async revokeInvitation(actor, invitationId) {
      const access = await resolveAccess(store, actor);
      requirePermission(access, "invitations:revoke");
      const found = await invitationInScope(access, invitationId);
      const outcome = await store.transaction(async (tx) => {
        const row = await tx.lockInvitation(found.id);
        if (!row) throw new FoyerServiceError("INVITATION_NOT_FOUND");
        const at = now();
        const status = deriveStatus(row.status, row.expiresAt, at);
        if (status !== "pending" && status !== "expired") {
          throw new FoyerServiceError("INVITATION_NOT_REVOCABLE", {
            message: `This invitation is ${status}; only pending or expired invitations can be revoked.`,
          });
        }
        const patch: Partial<InvitationRow> = {
          status: "revoked",
          revokedAt: at,
          revokedById: actor.id,
          revokedByEmail: actor.email,
          revokedByName: actor.name,
        };
        await tx.updateInvitation(row.id, patch);
        await tx.supersedeTokens(row.id, at);
        await cancelQueuedEmails(tx, row.id, "Invitation revoked");
        const events = [
          audit({
            tenantId: row.tenantId,
            invitationId: row.id,
            action: "revoked",
            source: "manual",
            ...actorRef(actor),
            subjectEmail: row.email,
            at,
            data: { previousStatus: status },
          }),
        ];
        await tx.insertAuditEvents(events);
        return { row: { ...row, ...patch }, events };
      });
      await emit(outcome.events);
      return { invitation: await view(store, access, outcome.row) };
    },

    async listInvitationEvents(actor, invitationId, rawQuery) {
      const query = parseInput(AuditQuerySchema, rawQuery ?? {});
      const access = await resolveAccess(store, actor);
      requirePermission(access, "invitations:read");
      await invitationInScope(access, invitationId);
      return auditPage(store, { invitationId }, query.cursor, query.limit);
    },

    async listTenantEvents(actor, tenantId, rawQuery) {
      const query = parseInput(AuditQuerySchema, rawQuery ?? {});
      const access = await resolveAccess(store, actor);
      requirePermission(access, "invitations:read");
      tenantInScope(access, tenantId);
      return auditPage(store, { tenantIds: [tenantId] }, query.cursor, query.limit);
    },

    async previewInvitation(rawToken) {
      const { token } = parseInput(TokenBodySchema, { token: rawToken });
      // R-INV-18: a preview is a read; opening a link never consumes it.
      const { row, tenant } = await resolveToken(store, token, now());
      const roles = await store.listRoles();
      return {
        email: row.email,
        name: row.name,
        expiresAt: row.expiresAt.toISOString(),
        tenant: { name: tenant.name, logoUrl: tenant.logoUrl, accentColor: tenant.accentColor },
        role: { name: roles.find((r) => r.id === row.roleId)?.name ?? row.roleId },
        invitedBy:
          row.invitedByName || row.invitedByEmail
            ? { name: row.invitedByName ?? row.invitedByEmail ?? "" }
            : null,
      };
    },

    async acceptInvitation(rawBody) {
      const body = parseInput(AcceptInvitationBodySchema, rawBody);
      // Cheap checks first, so a bad token never costs a password hash.
      const first = await resolveToken(store, body.token, now());
      const check = evaluatePassword(body.password, policy);
      if (!check.ok) {
        const failed = check.rules.filter((rule) => !rule.met).map((rule) => rule.id);
        throw new FoyerServiceError("PASSWORD_TOO_WEAK", {
          issues: failed.map((id) => ({
            path: "password",
            message: `password fails the ${id} rule.`,
          })),
          details: { failedRules: failed },
        });
      }
      if (body.password !== body.passwordConfirmation) {
        throw new FoyerServiceError("PASSWORD_MISMATCH", {
          issues: [
            {
              path: "passwordConfirmation",
              message: "passwordConfirmation does not match password.",
            },
          ],
        });
      }
      const existing = await lookupUsers([first.row.email]);
      if (existing.length > 0) throw new FoyerServiceError("USER_ALREADY_EXISTS");
      const passwordHash = await deps.passwordHasher.hash(body.password);

      const outcome = await store.transaction(async (tx) => {
        const at = now();
        const locked = await tx.lockInvitation(first.row.id);
        if (!locked) throw new FoyerServiceError("TOKEN_INVALID");
        // Re-check under the row lock: of two concurrent accepts exactly one gets here first.
        const { row, tenant } = await checkAcceptable(tx, locked, body.token, at);
        const events: AuditRow[] = [];
        const members = await tx.findMembersByEmails([row.email]);
        if (members.length > 0) throw new FoyerServiceError("USER_ALREADY_EXISTS");
        const user = await hooks.createAccount(
          {
            email: row.email,
            firstName: body.firstName,
            lastName: body.lastName,
            passwordHash,
            tenantId: row.tenantId,
            roleId: row.roleId,
            source: "email_invitation",
            requireEmailVerification: tenant.settings.requireEmailVerification,
          },
          tx,
        );
        await tx.insertMember({
          id: newId(),
          tenantId: row.tenantId,
          userId: user.id,
          email: row.email,
          roleId: row.roleId,
          status: "active",
          source: "email_invitation",
          createdAt: at,
        });
        await tx.updateInvitation(row.id, {
          status: "accepted",
          acceptedAt: at,
          acceptedUserId: user.id,
        });
        await tx.supersedeTokens(row.id, at);
        events.push(
          audit({
            tenantId: row.tenantId,
            invitationId: row.id,
            action: "accepted",
            source: "email_invitation",
            actorId: user.id,
            actorEmail: row.email,
            actorName: `${body.firstName} ${body.lastName}`,
            subjectEmail: row.email,
            at,
            data: { roleId: row.roleId, userId: user.id },
          }),
        );
        await tx.insertAuditEvents(events);
        return { user, row, tenant, events };
      });
      await emit(outcome.events);
      return {
        user: {
          id: outcome.user.id,
          email: outcome.row.email,
          firstName: body.firstName,
          lastName: body.lastName,
        },
        tenantId: outcome.row.tenantId,
        next: outcome.tenant.settings.requireEmailVerification ? "verify_email" : "signed_in",
      };
    },

    async recordExpirations(limit = 500) {
      const at = now();
      const rows = await store.findUnrecordedExpired(at, limit);
      if (rows.length === 0) return 0;
      const events = await store.transaction(async (tx) => {
        const written: AuditRow[] = [];
        for (const candidate of rows) {
          const row = await tx.lockInvitation(candidate.id);
          if (
            !row ||
            row.expiredRecordedAt ||
            deriveStatus(row.status, row.expiresAt, at) !== "expired"
          )
            continue;
          const settled = settleExpired(row, at);
          // Store the settled status too, so lapsed rows leave the pending index (the last
          // page of a pending list would otherwise scan every never-answered invitation).
          await tx.updateInvitation(row.id, settled.patch);
          if (settled.event) written.push(settled.event);
        }
        await tx.insertAuditEvents(written);
        return written;
      });
      await emit(events);
      return events.length;
    },
  };

  /** Classifies a token: each dead end has its own code (R-INV-13). */
  async function resolveToken(ops: StoreOps, token: string, at: Date) {
    const tokenRow = await ops.findToken(await hashToken(token));
    if (!tokenRow) throw new FoyerServiceError("TOKEN_INVALID");
    const row = await ops.getInvitation(tokenRow.invitationId);
    if (!row) throw new FoyerServiceError("TOKEN_INVALID");
    const tenant = await ops.getTenant(row.tenantId);
    if (!tenant) throw new FoyerServiceError("TOKEN_INVALID");
    classify(row, tenant, tokenRow, at);
    return { row, tenant, tokenRow };
  }

  function classify(row: InvitationRow, tenant: Tenant, tokenRow: TokenRow, at: Date): void {
    if (row.status === "accepted") throw new FoyerServiceError("INVITATION_ALREADY_USED");
    if (row.status === "revoked") throw new FoyerServiceError("INVITATION_REVOKED");
    if (tokenRow.supersededAt !== null) throw new FoyerServiceError("INVITATION_SUPERSEDED");
    if (deriveStatus(row.status, row.expiresAt, at) === "expired") {
      throw new FoyerServiceError("INVITATION_EXPIRED");
    }
    if (tenant.status !== "active") throw new FoyerServiceError("TENANT_INACTIVE");
  }

  async function checkAcceptable(tx: StoreTx, row: InvitationRow, token: string, at: Date) {
    const tokenRow = await tx.findToken(await hashToken(token));
    const tenant = await tx.getTenant(row.tenantId);
    if (!tokenRow || !tenant || tokenRow.invitationId !== row.id) {
      throw new FoyerServiceError("TOKEN_INVALID");
    }
    classify(row, tenant, tokenRow, at);
    return { row, tenant };
  }

  async function auditPage(
    ops: StoreOps,
    filter: { tenantIds?: string[]; invitationId?: string },
    cursor: string | undefined,
    limit: number,
  ) {
    let before: { at: Date; id: string } | undefined;
    if (cursor) {
      const decoded = decodeCursor(cursor);
      const at = decoded?.a ? new Date(decoded.a) : null;
      if (!decoded?.i || !at || Number.isNaN(at.getTime())) {
        throw new FoyerServiceError("VALIDATION_FAILED", {
          issues: [{ path: "cursor", message: "cursor is not valid." }],
        });
      }
      before = { at, id: decoded.i };
    }
    const rows = await ops.listAuditEvents({ ...filter, before, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toAuditEvent),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ a: last.at.toISOString(), i: last.id }) : null,
    };
  }

  return services;
}

import {
  type Actor,
  type InviteLinkResult,
  type UpdateInviteLinkBody,
  UpdateInviteLinkBodySchema,
} from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import { CONSTRAINTS, isUniqueViolation } from "../../store/errors.ts";
import type { AuditRow, InviteLinkRow } from "../../store/types.ts";
import { grantableRole } from "../access.ts";
import { actorRef, type ServiceContext } from "../context.ts";
import { parseInput } from "../validate.ts";
import {
  domainInUse,
  domainScope,
  linkTenant,
  newLinkRow,
  normalizeLinkDomains,
  refuseSiblingDomains,
  toInviteLink,
} from "./rules.ts";

/** The fields an admin changes, in the order the audit record lists them. */
const SETTINGS = ["enabled", "roleId", "allowedDomains", "expiresAt", "maxJoins"] as const;
type Setting = (typeof SETTINGS)[number];

const plain = (value: InviteLinkRow[Setting]): unknown =>
  value instanceof Date ? value.toISOString() : value;

/**
 * Changes the tenant's invite link (R-LNK-01/02/04/05/10). Enabling needs a default role
 * the actor may grant and a tenant without SSO; role and domain changes keep the URL (the
 * token depends on the generation alone) and apply to later joins; domains are unique among
 * sibling tenants, which the database decides when two admins race. Every change is audited.
 */
export async function updateInviteLink(
  ctx: ServiceContext,
  actor: Actor,
  tenantId: string,
  rawBody: UpdateInviteLinkBody,
): Promise<InviteLinkResult> {
  const body = parseInput(UpdateInviteLinkBodySchema, rawBody);
  const access = await ctx.access(actor);
  const tenant = linkTenant(access, tenantId);
  const domains =
    body.allowedDomains === undefined ? undefined : normalizeLinkDomains(body.allowedDomains);
  if (body.roleId) await grantableRole(ctx.store, access, tenant, body.roleId);
  const expiresAt =
    body.expiresAt === undefined || body.expiresAt === null
      ? body.expiresAt
      : new Date(body.expiresAt);
  if (expiresAt && expiresAt.getTime() <= ctx.now().getTime()) {
    throw new FoyerServiceError("VALIDATION_FAILED", {
      message: "expiresAt must be in the future.",
      issues: [{ path: "expiresAt", message: "expiresAt must be in the future." }],
    });
  }

  const outcome = await ctx.store.transaction(async (tx) => {
    const at = ctx.now();
    // Read inside the transaction: turning SSO on disables the link under the same lock.
    const current = await tx.lockInviteLink(tenant.id);
    const fresh = await tx.getTenant(tenant.id);
    if (!fresh) throw new FoyerServiceError("TENANT_NOT_FOUND");
    const before = current ?? (await newLinkRow(ctx, tenant.id, access, at));
    const next: InviteLinkRow = {
      ...before,
      ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
      ...(body.roleId !== undefined ? { roleId: body.roleId } : {}),
      ...(domains !== undefined ? { allowedDomains: domains } : {}),
      ...(expiresAt !== undefined ? { expiresAt } : {}),
      ...(body.maxJoins !== undefined ? { maxJoins: body.maxJoins } : {}),
    };
    if (next.enabled) {
      if (fresh.ssoEnabled) throw new FoyerServiceError("INVITE_LINK_SSO_ENABLED");
      if (next.roleId === null) {
        throw new FoyerServiceError("INVITE_LINK_ROLE_REQUIRED", {
          issues: [{ path: "roleId", message: "roleId is required to turn the link on." }],
        });
      }
      // Turning on a link whose role was set by someone of higher rank: the actor must be
      // able to grant that role too ("never more", R-TEN-04).
      if (!before.enabled && body.roleId === undefined) {
        await grantableRole(tx, access, fresh, next.roleId);
      }
    }
    const changed = SETTINGS.filter(
      (field) => JSON.stringify(plain(before[field])) !== JSON.stringify(plain(next[field])),
    );
    if (changed.length === 0) return { row: current, tenant: fresh, events: [] as AuditRow[] };

    if (changed.includes("allowedDomains")) {
      await refuseSiblingDomains(tx, fresh, next.allowedDomains);
      try {
        await tx.replaceLinkDomains(fresh.id, domainScope(fresh), next.allowedDomains);
      } catch (error) {
        if (!isUniqueViolation(error, CONSTRAINTS.linkDomain)) throw error;
        // A sibling's admin saved the same domain a moment ago.
        const held = await tx.findLinkDomains(domainScope(fresh), next.allowedDomains);
        throw domainInUse(held.filter((row) => row.tenantId !== fresh.id).map((row) => row.domain));
      }
    }
    const stamped: InviteLinkRow = {
      ...next,
      updatedAt: at,
      updatedById: actor.id,
      updatedByEmail: actor.email,
      updatedByName: actor.name,
    };
    if (current) {
      const { tenantId: _tenantId, linkId: _linkId, ...patch } = stamped;
      await tx.updateInviteLink(fresh.id, patch);
    } else {
      await tx.insertInviteLink(stamped);
    }

    const events: AuditRow[] = [];
    const base = {
      tenantId: fresh.id,
      invitationId: null,
      source: "link" as const,
      ...actorRef(actor),
      subjectEmail: null,
      at,
    };
    if (changed.includes("enabled")) {
      events.push(
        ctx.audit({
          ...base,
          action: stamped.enabled ? "link_enabled" : "link_disabled",
          data: { roleId: stamped.roleId, generation: stamped.generation },
        }),
      );
    }
    const settings = changed.filter((field) => field !== "enabled");
    if (settings.length > 0) {
      events.push(
        ctx.audit({
          ...base,
          action: "link_updated",
          data: {
            changes: Object.fromEntries(
              settings.map((field) => [
                field,
                { from: plain(before[field]), to: plain(stamped[field]) },
              ]),
            ),
          },
        }),
      );
    }
    await tx.insertAuditEvents(events);
    return { row: stamped, tenant: fresh, events };
  });
  await ctx.emit(outcome.events);
  return { link: await toInviteLink(ctx, outcome.tenant, outcome.row, access.roles) };
}

import type { Actor, InviteLinkResult } from "@foyer/core";
import { FoyerServiceError } from "../../errors.ts";
import type { InviteLinkRow } from "../../store/types.ts";
import { actorRef, type ServiceContext } from "../context.ts";
import { linkTenant, newLinkRow, toInviteLink, tokenFields } from "./rules.ts";

/**
 * "Revoke & generate new link" (R-LNK-03): the generation goes up, so the old token's hash
 * is gone from the store at commit and the old token can never be derived again; the join
 * limit counts afresh for the new token. Settings stay as they are.
 */
export async function regenerateInviteLink(
  ctx: ServiceContext,
  actor: Actor,
  tenantId: string,
): Promise<InviteLinkResult> {
  const access = await ctx.access(actor);
  const tenant = linkTenant(access, tenantId);
  const outcome = await ctx.store.transaction(async (tx) => {
    const at = ctx.now();
    const current = await tx.lockInviteLink(tenant.id);
    const fresh = await tx.getTenant(tenant.id);
    if (!fresh) throw new FoyerServiceError("TENANT_NOT_FOUND");
    const stamp = {
      updatedAt: at,
      regeneratedAt: at,
      updatedById: actor.id,
      updatedByEmail: actor.email,
      updatedByName: actor.name,
    };
    let row: InviteLinkRow;
    if (current) {
      const fields = await tokenFields(ctx, current.linkId, current.generation + 1);
      row = { ...current, ...fields, generationJoinCount: 0, ...stamp };
      await tx.updateInviteLink(tenant.id, { ...fields, generationJoinCount: 0, ...stamp });
    } else {
      row = { ...(await newLinkRow(ctx, tenant.id, access, at)), ...stamp };
      await tx.insertInviteLink(row);
    }
    const event = ctx.audit({
      tenantId: tenant.id,
      invitationId: null,
      action: "link_regenerated",
      source: "link",
      ...actorRef(actor),
      subjectEmail: null,
      at,
      data: { generation: row.generation, previousGeneration: current?.generation ?? null },
    });
    await tx.insertAuditEvents([event]);
    return { row, tenant: fresh, events: [event] };
  });
  await ctx.emit(outcome.events);
  return { link: await toInviteLink(ctx, outcome.tenant, outcome.row, access.roles) };
}

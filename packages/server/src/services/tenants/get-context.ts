import type { Actor, SessionContext } from "@foyer/core";
import type { ServiceContext } from "../context.ts";

/** Who the actor is and which tenants it manages, with its permissions in each. */
export async function getContext(ctx: ServiceContext, actor: Actor): Promise<SessionContext> {
  const access = await ctx.access(actor);
  return {
    actor,
    role: access.role,
    tenants: [...access.tenants.values()].map((tenant) => ({
      tenant,
      permissions: access.role.permissions,
    })),
  };
}

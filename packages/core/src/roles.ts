import type { Role } from "./schemas.ts";

/**
 * R-TEN-04: whether an actor holding `actorRole` may grant `target`: its rank is at most
 * the actor's own ("never more"), and MSP staff roles only by MSP staff.
 */
export function canGrantRole(
  actorRole: Pick<Role, "rank" | "mspStaff">,
  target: Pick<Role, "rank" | "mspStaff">,
): boolean {
  if (target.rank > actorRole.rank) return false;
  if (target.mspStaff && !actorRole.mspStaff) return false;
  return true;
}

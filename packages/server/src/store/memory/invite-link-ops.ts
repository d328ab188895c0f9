import type { StoreOps } from "../types.ts";
import { compareKeys } from "./invitation-index.ts";
import { linkDomainKey, type MemoryState } from "./memory-state.ts";
import { copy, definedFields, type Run } from "./ops.ts";

/** Invite links, their domains and email verifications. */
export function inviteLinkOps(
  state: MemoryState,
  run: Run,
): Pick<
  StoreOps,
  | "getInviteLink"
  | "findInviteLinkByHash"
  | "insertInviteLink"
  | "updateInviteLink"
  | "findLinkDomains"
  | "replaceLinkDomains"
  | "insertEmailVerification"
  | "findEmailVerificationByHash"
  | "findPendingEmailVerifications"
  | "updateEmailVerification"
> {
  return {
    getInviteLink: (tenantId) => run(() => copy(state.inviteLinks.get(tenantId) ?? null)),

    findInviteLinkByHash: (hash) =>
      run(() => {
        const tenantId = state.inviteLinkByHash.get(hash);
        return copy(tenantId === undefined ? null : (state.inviteLinks.get(tenantId) ?? null));
      }),

    insertInviteLink: (row) => run(() => state.setInviteLink(copy(row), true)),

    updateInviteLink: (tenantId, patch) =>
      run(() => {
        const current = state.inviteLinks.get(tenantId);
        if (!current) return;
        const changes = definedFields(patch);
        state.setInviteLink({ ...current, ...changes, tenantId, linkId: current.linkId }, false);
      }),

    findLinkDomains: (scope, domains) =>
      run(() =>
        copy(
          [...new Set(domains)]
            .sort()
            .flatMap((domain) => state.linkDomains.get(linkDomainKey(scope, domain)) ?? []),
        ),
      ),

    replaceLinkDomains: (tenantId, scope, domains) =>
      run(() => {
        for (const [key, row] of [...state.linkDomains]) {
          if (row.tenantId === tenantId) state.setLinkDomain(key, undefined);
        }
        for (const domain of new Set(domains)) {
          state.setLinkDomain(linkDomainKey(scope, domain), { scope, domain, tenantId });
        }
      }),

    insertEmailVerification: (row) => run(() => state.setVerification(copy(row), true)),

    findEmailVerificationByHash: (hash) =>
      run(() => {
        const id = state.verificationByHash.get(hash);
        return copy(id === undefined ? null : (state.verifications.get(id) ?? null));
      }),

    findPendingEmailVerifications: (email) =>
      run(() =>
        copy(
          [...state.verifications.values()]
            .filter(
              (row) => row.verifiedAt === null && row.email.toLowerCase() === email.toLowerCase(),
            )
            .sort(
              (a, b) =>
                -compareKeys(
                  { time: a.createdAt.getTime(), id: a.id },
                  { time: b.createdAt.getTime(), id: b.id },
                ),
            ),
        ),
      ),

    updateEmailVerification: (id, patch) =>
      run(() => {
        const current = state.verifications.get(id);
        if (!current) return;
        const changes = definedFields(patch);
        state.setVerification({ ...current, ...changes, id }, false);
      }),
  };
}

import type { Role, StoredInvitationStatus, Tenant } from "@foyer/core";
import { CONSTRAINTS, ForeignKeyViolationError, UniqueViolationError } from "../errors.ts";
import type { StoredCounts } from "../invitation-counts.ts";
import type {
  AuditRow,
  EmailVerificationRow,
  IdempotencyRow,
  InvitationListQuery,
  InvitationRow,
  InviteLinkRow,
  LinkDomainRow,
  MemberRow,
  OidcFlowRow,
  OutboxRow,
  TokenRow,
} from "../types.ts";
import { compareKeys, pendingKey, TenantInvitations } from "./invitation-index.ts";

// The memory store's tables and indexes (not exported from the package). It keeps the SQL
// schema's constraints so a rule that holds here holds on PostgreSQL; every write logs how
// to undo it, so a failed transaction rolls back.

/** Reverts one change. */
type Undo = () => void;

function getOrCreate<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** All tables and indexes. Every write goes through `set*`, which logs how to undo it. */
export class MemoryState {
  readonly tenants = new Map<string, Tenant>();
  readonly roles = new Map<string, Role>();
  readonly members = new Map<string, MemberRow>();
  readonly invitations = new Map<string, InvitationRow>();
  readonly tokens = new Map<string, TokenRow>();
  readonly outbox = new Map<string, OutboxRow>();
  readonly audit = new Map<string, AuditRow>();
  readonly idempotency = new Map<string, IdempotencyRow>();
  /** `foyer_invite_links`, by tenant id. */
  readonly inviteLinks = new Map<string, InviteLinkRow>();
  /** `foyer_invite_links_token_hash_key`: token hash -> tenant id. */
  readonly inviteLinkByHash = new Map<string, string>();
  /** `foyer_invite_link_domains_pkey`: (scope, domain) -> row. */
  readonly linkDomains = new Map<string, LinkDomainRow>();
  /** `foyer_email_verifications`, by id. */
  readonly verifications = new Map<string, EmailVerificationRow>();
  /** `foyer_email_verifications_user_key`: user id -> id. */
  readonly verificationByUser = new Map<string, string>();
  /** `foyer_email_verifications_token_hash_key`: token hash -> id. */
  readonly verificationByHash = new Map<string, string>();
  /** `foyer_oidc_flows`, by state hash. */
  readonly oidcFlows = new Map<string, OidcFlowRow>();

  /** `foyer_invitations_pending_email_key`: (tenant, lower(email)) of pending rows -> id. */
  readonly pendingByEmail = new Map<string, string>();
  readonly invitationsByTenant = new Map<string, TenantInvitations>();
  /** R-INV-09: totals per tenant and stored status (`foyer_invitation_counts`). */
  readonly statusTotals = new Map<string, Record<StoredInvitationStatus, number>>();
  /** Ids stored as pending, per tenant (for the rows lapsed since the last sweep). */
  readonly pendingByTenant = new Map<string, Set<string>>();
  readonly tokensByInvitation = new Map<string, Set<string>>();
  readonly membersByEmail = new Map<string, Set<string>>();
  /** `foyer_members_tenant_user_key`. */
  readonly memberByTenantUser = new Map<string, string>();
  /** Audit ids newest first; rebuilt lazily after inserts. */
  #auditNewestFirst: AuditRow[] | null = null;

  undo: Undo[] = [];

  /** Applies a change to a plain map and logs its reverse. */
  #put<T>(
    map: Map<string, T>,
    key: string,
    next: T | undefined,
    index?: (prev: T | undefined, next: T | undefined) => void,
  ): void {
    const prev = map.get(key);
    const apply = (from: T | undefined, to: T | undefined) => {
      if (to === undefined) map.delete(key);
      else map.set(key, to);
      index?.(from, to);
    };
    apply(prev, next);
    this.undo.push(() => apply(next, prev));
  }

  setTenant(tenant: Tenant): void {
    if (
      tenant.parentId !== null &&
      !this.tenants.has(tenant.parentId) &&
      tenant.parentId !== tenant.id
    ) {
      throw new ForeignKeyViolationError(CONSTRAINTS.tenantParent);
    }
    this.#put(this.tenants, tenant.id, tenant);
  }

  setRole(role: Role): void {
    this.#put(this.roles, role.id, role);
  }

  insertMember(member: MemberRow): void {
    if (this.members.has(member.id)) throw new UniqueViolationError(CONSTRAINTS.memberId);
    const tenantUser = `${member.tenantId}\u0000${member.userId}`;
    if (this.memberByTenantUser.has(tenantUser)) {
      throw new UniqueViolationError(CONSTRAINTS.memberTenantUser);
    }
    this.#put(this.members, member.id, member, (_prev, next) => {
      const email = member.email.toLowerCase();
      const ids = this.membersByEmail.get(email);
      if (next) {
        getOrCreate(this.membersByEmail, email, () => new Set<string>()).add(member.id);
        this.memberByTenantUser.set(tenantUser, member.id);
      } else {
        ids?.delete(member.id);
        if (ids?.size === 0) this.membersByEmail.delete(email);
        this.memberByTenantUser.delete(tenantUser);
      }
    });
  }

  #tenantInvitations(tenantId: string): TenantInvitations {
    return getOrCreate(this.invitationsByTenant, tenantId, () => new TenantInvitations());
  }

  /** Keeps the per-tenant index and the pending index in step with one row change. */
  #indexInvitation(prev: InvitationRow | undefined, next: InvitationRow | undefined): void {
    if (prev) {
      const entry = this.#tenantInvitations(prev.tenantId);
      if (!next || next.tenantId !== prev.tenantId) entry.ids.delete(prev.id);
      if (
        !next ||
        next.tenantId !== prev.tenantId ||
        next.sentAt.getTime() !== prev.sentAt.getTime() ||
        next.expiresAt.getTime() !== prev.expiresAt.getTime()
      ) {
        entry.invalidate();
      }
      this.#totals(prev.tenantId)[prev.status] -= 1;
      if (prev.status === "pending") {
        this.pendingByEmail.delete(pendingKey(prev.tenantId, prev.email));
        this.pendingByTenant.get(prev.tenantId)?.delete(prev.id);
      }
    }
    if (next) {
      const entry = this.#tenantInvitations(next.tenantId);
      if (!entry.ids.has(next.id)) {
        entry.ids.add(next.id);
        entry.invalidate();
      }
      this.#totals(next.tenantId)[next.status] += 1;
      if (next.status === "pending") {
        this.pendingByEmail.set(pendingKey(next.tenantId, next.email), next.id);
        getOrCreate(this.pendingByTenant, next.tenantId, () => new Set<string>()).add(next.id);
      }
    }
  }

  #totals(tenantId: string): Record<StoredInvitationStatus, number> {
    return getOrCreate(this.statusTotals, tenantId, () => ({
      pending: 0,
      accepted: 0,
      expired: 0,
      revoked: 0,
    }));
  }

  /** The totals of some tenants and their pending rows past expiry at `now`. */
  storedCounts(tenantIds: readonly string[], now: Date): StoredCounts {
    const stored = { pending: 0, accepted: 0, expired: 0, revoked: 0 };
    let lapsed = 0;
    for (const tenantId of new Set(tenantIds)) {
      const totals = this.statusTotals.get(tenantId);
      if (totals) {
        stored.pending += totals.pending;
        stored.accepted += totals.accepted;
        stored.expired += totals.expired;
        stored.revoked += totals.revoked;
      }
      for (const id of this.pendingByTenant.get(tenantId) ?? []) {
        if (this.invitations.get(id)!.expiresAt.getTime() <= now.getTime()) lapsed += 1;
      }
    }
    return { stored, lapsed };
  }

  /** Members with any of these addresses, in any tenant, by id. */
  membersWithEmails(emails: readonly string[]): MemberRow[] {
    const ids = new Set<string>();
    for (const email of emails) {
      for (const id of this.membersByEmail.get(email.toLowerCase()) ?? []) ids.add(id);
    }
    return [...ids].sort().map((id) => this.members.get(id)!);
  }

  activeMembers(tenantId: string): number {
    let count = 0;
    for (const member of this.members.values()) {
      if (member.tenantId === tenantId && member.status === "active") count += 1;
    }
    return count;
  }

  /** Rows stored as pending for these addresses in a tenant, by id. */
  openInvitations(tenantId: string, emails: readonly string[]): InvitationRow[] {
    const ids = new Set<string>();
    for (const email of emails) {
      const id = this.pendingByEmail.get(pendingKey(tenantId, email));
      if (id !== undefined) ids.add(id);
    }
    return [...ids].sort().map((id) => this.invitations.get(id)!);
  }

  /** Inserts or replaces an invitation, enforcing the partial unique index (R-INV-03). */
  setInvitation(next: InvitationRow, insert: boolean): void {
    if (insert && this.invitations.has(next.id)) {
      throw new UniqueViolationError(CONSTRAINTS.invitationId);
    }
    if (next.status === "pending") {
      const holder = this.pendingByEmail.get(pendingKey(next.tenantId, next.email));
      if (holder !== undefined && holder !== next.id) {
        throw new UniqueViolationError(CONSTRAINTS.pendingInvitation);
      }
    }
    this.#put(this.invitations, next.id, next, (prev, row) => this.#indexInvitation(prev, row));
  }

  setToken(next: TokenRow, insert: boolean): void {
    if (insert && this.tokens.has(next.hash)) throw new UniqueViolationError(CONSTRAINTS.tokenHash);
    if (!this.invitations.has(next.invitationId)) {
      throw new ForeignKeyViolationError(CONSTRAINTS.tokenInvitation);
    }
    this.#put(this.tokens, next.hash, next, (_prev, row) => {
      if (row) {
        getOrCreate(this.tokensByInvitation, next.invitationId, () => new Set<string>()).add(
          next.hash,
        );
      } else {
        this.tokensByInvitation.get(next.invitationId)?.delete(next.hash);
      }
    });
  }

  setEmail(next: OutboxRow, insert: boolean): void {
    if (insert && this.outbox.has(next.id)) throw new UniqueViolationError(CONSTRAINTS.outboxId);
    this.#put(this.outbox, next.id, next);
  }

  insertAudit(row: AuditRow): void {
    if (this.audit.has(row.id)) throw new UniqueViolationError(CONSTRAINTS.auditId);
    this.#put(this.audit, row.id, row, () => {
      this.#auditNewestFirst = null;
    });
  }

  setInviteLink(next: InviteLinkRow, insert: boolean): void {
    if (insert && this.inviteLinks.has(next.tenantId)) {
      throw new UniqueViolationError(CONSTRAINTS.inviteLinkTenant);
    }
    if (!this.tenants.has(next.tenantId)) {
      throw new ForeignKeyViolationError("foyer_invite_links_tenant_id_fkey");
    }
    const holder = this.inviteLinkByHash.get(next.tokenHash);
    if (holder !== undefined && holder !== next.tenantId) {
      throw new UniqueViolationError(CONSTRAINTS.inviteLinkToken);
    }
    this.#put(this.inviteLinks, next.tenantId, next, (prev, row) => {
      if (prev) this.inviteLinkByHash.delete(prev.tokenHash);
      if (row) this.inviteLinkByHash.set(row.tokenHash, row.tenantId);
    });
  }

  /** Deletes or inserts one domain row, enforcing the (scope, domain) primary key. */
  setLinkDomain(key: string, row: LinkDomainRow | undefined): void {
    if (row && this.linkDomains.has(key)) throw new UniqueViolationError(CONSTRAINTS.linkDomain);
    if (row && !this.tenants.has(row.tenantId)) {
      throw new ForeignKeyViolationError("foyer_invite_link_domains_tenant_id_fkey");
    }
    this.#put(this.linkDomains, key, row);
  }

  /** Inserts a flow (unique state hash) or, with `undefined`, deletes it. */
  setOidcFlow(stateHash: string, row: OidcFlowRow | undefined): void {
    if (row && this.oidcFlows.has(stateHash)) {
      throw new UniqueViolationError(CONSTRAINTS.oidcFlowState);
    }
    this.#put(this.oidcFlows, stateHash, row);
  }

  setVerification(next: EmailVerificationRow, insert: boolean): void {
    if (insert && this.verifications.has(next.id)) {
      throw new UniqueViolationError(CONSTRAINTS.emailVerificationId);
    }
    const userHolder = this.verificationByUser.get(next.userId);
    if (userHolder !== undefined && userHolder !== next.id) {
      throw new UniqueViolationError(CONSTRAINTS.emailVerificationUser);
    }
    const hashHolder = this.verificationByHash.get(next.tokenHash);
    if (hashHolder !== undefined && hashHolder !== next.id) {
      throw new UniqueViolationError(CONSTRAINTS.emailVerificationToken);
    }
    this.#put(this.verifications, next.id, next, (prev, row) => {
      if (prev) {
        this.verificationByUser.delete(prev.userId);
        this.verificationByHash.delete(prev.tokenHash);
      }
      if (row) {
        this.verificationByUser.set(row.userId, row.id);
        this.verificationByHash.set(row.tokenHash, row.id);
      }
    });
  }

  setIdempotency(key: string, row: IdempotencyRow | undefined): void {
    this.#put(this.idempotency, key, row);
  }

  auditNewestFirst(): AuditRow[] {
    if (!this.#auditNewestFirst) {
      this.#auditNewestFirst = [...this.audit.values()].sort(
        (a, b) =>
          -compareKeys({ time: a.at.getTime(), id: a.id }, { time: b.at.getTime(), id: b.id }),
      );
    }
    return this.#auditNewestFirst;
  }

  /** Reverts every change logged after `mark`. */
  rollbackTo(mark: number): void {
    while (this.undo.length > mark) this.undo.pop()!();
  }

  /** Up to `limit` rows of one tenant after the cursor, in the requested order. */
  pageOfTenant(tenantId: string, query: InvitationListQuery): InvitationRow[] {
    return this.invitationsByTenant.get(tenantId)?.pageOf(query, this.invitations) ?? [];
  }
}

/** The key of a domain row: (scope, domain). */
export const linkDomainKey = (scope: string, domain: string) => `${scope}\u0000${domain}`;

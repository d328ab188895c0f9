// @foyer/server/store: what a Store of your own needs besides the `Store` interface: the row
// types, the constraint names and error classes every store throws on a refused write (the
// conformance suite checks them), and `newInvitationRow` for seeding rows as the services
// write them. Isomorphic, like the root entry.
export {
  CONSTRAINTS,
  ForeignKeyViolationError,
  isUniqueViolation,
  UniqueViolationError,
} from "./store/errors.ts";
export { type NewInvitationRowInit, newInvitationRow } from "./store/new-invitation-row.ts";
export type {
  AccessScope,
  AuditRow,
  EmailVerificationRow,
  IdempotencyRow,
  InvitationCountRow,
  InvitationCursor,
  InvitationListQuery,
  InvitationRow,
  InviteeCheck,
  InviteLinkRow,
  LinkDomainRow,
  MemberRow,
  NewInvitationRows,
  OidcFlowRow,
  OutboxRow,
  Store,
  StoreOps,
  StoreTx,
  TokenRow,
} from "./store/types.ts";

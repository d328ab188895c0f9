import type { Role, Tenant } from "@foyer/core";
import {
  AUDIT_COLUMNS,
  EMAIL_VERIFICATION_COLUMNS,
  IDEMPOTENCY_COLUMNS,
  INVITATION_COLUMNS,
  INVITE_LINK_COLUMNS,
  LINK_DOMAIN_COLUMNS,
  MEMBER_COLUMNS,
  OIDC_FLOW_COLUMNS,
  OUTBOX_COLUMNS,
  ROLE_COLUMNS,
  TENANT_COLUMNS,
  TOKEN_COLUMNS,
} from "../schema.ts";
import type {
  AuditRow,
  EmailVerificationRow,
  IdempotencyRow,
  InvitationRow,
  InviteLinkRow,
  LinkDomainRow,
  MemberRow,
  OidcFlowRow,
  OutboxRow,
  TokenRow,
} from "../types.ts";
import { rowMapping } from "./row-mapping.ts";

// The row mapping of every Foyer table, made once from the column maps.

export const tenants = rowMapping<Tenant, typeof TENANT_COLUMNS>(TENANT_COLUMNS);
export const roles = rowMapping<Role, typeof ROLE_COLUMNS>(ROLE_COLUMNS);
export const members = rowMapping<MemberRow, typeof MEMBER_COLUMNS>(MEMBER_COLUMNS);
export const invitations = rowMapping<InvitationRow, typeof INVITATION_COLUMNS>(INVITATION_COLUMNS);
export const tokens = rowMapping<TokenRow, typeof TOKEN_COLUMNS>(TOKEN_COLUMNS);
export const outbox = rowMapping<OutboxRow, typeof OUTBOX_COLUMNS>(OUTBOX_COLUMNS);
export const audit = rowMapping<AuditRow, typeof AUDIT_COLUMNS>(AUDIT_COLUMNS);
export const idempotency = rowMapping<IdempotencyRow, typeof IDEMPOTENCY_COLUMNS>(
  IDEMPOTENCY_COLUMNS,
);
export const inviteLinks = rowMapping<InviteLinkRow, typeof INVITE_LINK_COLUMNS>(
  INVITE_LINK_COLUMNS,
);
export const linkDomains = rowMapping<LinkDomainRow, typeof LINK_DOMAIN_COLUMNS>(
  LINK_DOMAIN_COLUMNS,
);
export const emailVerifications = rowMapping<
  EmailVerificationRow,
  typeof EMAIL_VERIFICATION_COLUMNS
>(EMAIL_VERIFICATION_COLUMNS);
export const oidcFlows = rowMapping<OidcFlowRow, typeof OIDC_FLOW_COLUMNS>(OIDC_FLOW_COLUMNS);

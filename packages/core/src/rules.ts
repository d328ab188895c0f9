// @foyer/core/rules: the contract's facts and Foyer's pure rules without the zod schemas (the
// dead-link error codes, endpoints, email parsing, the password policy, expiry presets, skip reasons, logo
// URLs) and every type. Browser code imports values from here: a bundler that splits chunks
// by module (esbuild) would otherwise put every schema and zod itself in the page's first
// chunk as soon as one import passes through `@foyer/core`'s index, which re-exports the
// schemas. The typed client loads the schemas apart, on demand.

export type { DeadLinkCode } from "./dead-links.ts";
export { DEAD_LINK_CODES, isDeadLinkCode } from "./dead-links.ts";
export type { ParsedAddress } from "./emails.ts";
export {
  displayNameOf,
  emailDomain,
  emailKey,
  isValidEmail,
  MAX_EMAIL_LENGTH,
  markDuplicates,
  normalizeDomain,
  normalizeEmail,
  parseDomainList,
  parseEmailList,
} from "./emails.ts";
export type { EndpointDef, PathParamNames, RouteName, RouteParams } from "./endpoints.ts";
export { buildPath, endpoints } from "./endpoints.ts";
export type { ErrorCode } from "./errors.ts";
export { formatIssues } from "./issues.ts";
export {
  HEX_COLOR_PATTERN,
  MAX_BATCH,
  MAX_LINK_DOMAINS,
  MAX_LINK_JOINS,
  MAX_MESSAGE,
  REMINDER_LEAD_HOURS_MAX,
} from "./limits.ts";
export { isLogoUrl, MAX_LOGO_URL_LENGTH } from "./logo.ts";
export type {
  PasswordCheck,
  PasswordPolicy,
  PasswordRuleId,
  PasswordRuleResult,
} from "./password.ts";
export { DEFAULT_PASSWORD_POLICY, evaluatePassword, isCommonPassword } from "./password.ts";
export { sameOriginUrl } from "./redirects.ts";
export { canGrantRole, roleFitsTenant } from "./roles.ts";
export type { RouteDef, RouteResponse } from "./routes.ts";
export type {
  AcceptInvitationBody,
  AcceptResult,
  Actor,
  AuditAction,
  AuditEvent,
  AuditPage,
  AuditQuery,
  AuditSource,
  BatchResult,
  CreateInvitationsBody,
  Delivery,
  DeliveryStatus,
  EmailLocale,
  ErrorBody,
  IdentityProvider,
  Invitation,
  InvitationCounts,
  InvitationFilter,
  InvitationLinkResult,
  InvitationPage,
  InvitationPreview,
  InvitationResult,
  InvitationStatus,
  InviteLink,
  InviteLinkPreview,
  InviteLinkResult,
  InviteLinkState,
  Issue,
  JoinBody,
  JoinResult,
  ListInvitationsQuery,
  ManagedTenant,
  Permission,
  PersonRef,
  ResendInvitationBody,
  ResendResult,
  ResendVerificationBody,
  ResendVerificationResult,
  Role,
  SessionContext,
  StartIdentityJoinBody,
  StartIdentityJoinResult,
  StoredInvitationStatus,
  Tenant,
  TenantRoles,
  TenantSettings,
  TokenBody,
  UpdateInviteLinkBody,
  VerifyEmailResult,
} from "./schemas.ts";
export type { SkipReason } from "./skip-reasons.ts";
export {
  compareSkipReasons,
  groupSkipped,
  SKIP_REASONS,
  skipMessage,
  skipReasons,
} from "./skip-reasons.ts";
export type { ExpiryPreset } from "./status.ts";
export {
  deriveStatus,
  EXPIRY_PRESET_HOURS,
  expiryFrom,
  expiryOptionsFor,
  expiryPresets,
  isExpiryAllowed,
} from "./status.ts";

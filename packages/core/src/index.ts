export type { CursorPosition } from "./cursor.ts";
export { CursorPositionSchema } from "./cursor.ts";
export type { ParsedAddress } from "./emails.ts";
export {
  emailDomain,
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
export { ERROR_CODES, errorCodes, isErrorCode, statusOf } from "./errors.ts";
export { formatIssues } from "./issues.ts";
export { HEX_COLOR_PATTERN, MAX_BATCH, MAX_MESSAGE } from "./limits.ts";
export type {
  PasswordCheck,
  PasswordPolicy,
  PasswordRuleId,
  PasswordRuleResult,
} from "./password.ts";
export { DEFAULT_PASSWORD_POLICY, evaluatePassword, isCommonPassword } from "./password.ts";
export { canGrantRole } from "./roles.ts";
export type { RouteDef, RouteResponse } from "./routes.ts";
export { routes } from "./routes.ts";
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
  ErrorBody,
  Invitation,
  InvitationCounts,
  InvitationFilter,
  InvitationPage,
  InvitationPreview,
  InvitationResult,
  InvitationStatus,
  Issue,
  ListInvitationsQuery,
  ManagedTenant,
  Permission,
  PersonRef,
  ResendInvitationBody,
  ResendResult,
  Role,
  SessionContext,
  SkipReason,
  StoredInvitationStatus,
  Tenant,
  TenantRoles,
  TenantSettings,
  TokenBody,
} from "./schemas.ts";
export {
  AcceptInvitationBodySchema,
  AcceptResultSchema,
  ActorSchema,
  AuditActionSchema,
  AuditEventSchema,
  AuditPageSchema,
  AuditQuerySchema,
  AuditSourceSchema,
  BatchResultSchema,
  CreateInvitationsBodySchema,
  DeliverySchema,
  DeliveryStatusSchema,
  ErrorBodySchema,
  ExpiryPresetSchema,
  HexColorSchema,
  HttpsUrlSchema,
  InvitationCountsSchema,
  InvitationFilterSchema,
  InvitationPageSchema,
  InvitationPreviewSchema,
  InvitationResultSchema,
  InvitationSchema,
  InvitationStatusSchema,
  IssueSchema,
  ListInvitationsQuerySchema,
  ManagedTenantSchema,
  PermissionSchema,
  PersonRefSchema,
  ResendInvitationBodySchema,
  ResendResultSchema,
  RevokeInvitationBodySchema,
  RoleSchema,
  SessionContextSchema,
  SkipReasonSchema,
  TenantRolesSchema,
  TenantSchema,
  TenantSettingsSchema,
  TokenBodySchema,
} from "./schemas.ts";
export type { ExpiryPreset } from "./status.ts";
export { deriveStatus, EXPIRY_PRESET_HOURS, expiryFrom, expiryPresets } from "./status.ts";

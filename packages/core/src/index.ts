// @foyer/core: the contract (zod/mini schemas of every request and answer, the routes) and
// the pure rules of `rules.ts`, which browser code imports alone as `@foyer/core/rules`.

export type { CursorPosition } from "./cursor.ts";
export { CursorPositionSchema } from "./cursor.ts";
export { routes } from "./routes.ts";
export * from "./rules.ts";
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
  LogoUrlSchema,
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

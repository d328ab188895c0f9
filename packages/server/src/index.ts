export { FoyerServiceError, isFoyerServiceError } from "./errors.ts";
export type { Foyer, FoyerAdmin, MemberInput, RoleInput, TenantInput } from "./foyer.ts";
export { createFoyer, DEFAULT_TENANT_SETTINGS } from "./foyer.ts";
export type { FoyerHandler, FoyerHandlerDeps, FoyerRequestContext } from "./http/handler.ts";
export { createFoyerHandler } from "./http/handler.ts";
export type { OpenApiDocument, OpenApiOptions } from "./http/openapi.ts";
export { createOpenApiDocument } from "./http/openapi.ts";
export type { RateLimitRule, RateLimits } from "./http/rate-limit.ts";
export { createMemoryRateLimiter, DEFAULT_RATE_LIMITS } from "./http/rate-limit.ts";
export type { DevMailbox, DevMailboxMessage } from "./mail/dev-mailbox.ts";
export { createDevMailbox } from "./mail/dev-mailbox.ts";
export type { InvitationEmailInput } from "./mail/invitation-email.ts";
export { escapeHtml, renderInvitationEmail } from "./mail/invitation-email.ts";
export type { Dispatcher, DispatcherOptions } from "./outbox/dispatcher.ts";
export { createDispatcher } from "./outbox/dispatcher.ts";
export type { ServiceDeps } from "./services/context.ts";
export { buildInviteLink } from "./services/context.ts";
export { createServices } from "./services/create-services.ts";
export {
  CONSTRAINTS,
  ForeignKeyViolationError,
  isUniqueViolation,
  UniqueViolationError,
} from "./store/errors.ts";
export { createMemoryStore } from "./store/memory/memory-store.ts";
export type { FoyerDatabase } from "./store/schema.ts";
export type {
  AuditRow,
  IdempotencyRow,
  InvitationCursor,
  InvitationListQuery,
  InvitationRow,
  MemberRow,
  OutboxRow,
  Store,
  StoreOps,
  StoreTx,
  TokenRow,
} from "./store/types.ts";
export { generateToken, hashToken } from "./tokens.ts";
export type {
  CreateAccountInput,
  FoyerHooks,
  FoyerOptions,
  FoyerServices,
  HostUser,
  Logger,
  Mailer,
  MailMessage,
  PasswordHasher,
  RateLimiter,
  RateLimitResult,
} from "./types.ts";

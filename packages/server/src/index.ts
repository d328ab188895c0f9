// @foyer/server: the public API a host uses (Web APIs only, so it also runs in browsers and
// any Fetch runtime). Environments and audiences have their own entry points:
// `/express` (the Express adapter), `/node` (scrypt hashing), `/pglite` and `/pg` (the SQL
// stores), `/store` (for writing a Store of your own), `/testing` (fixtures for tests and
// mocks) and `/conformance` (the vitest suites a Store must pass).
export { FoyerServiceError, isFoyerServiceError } from "./errors.ts";
export type { Foyer, FoyerAdmin, MemberInput, RoleInput, TenantInput } from "./foyer.ts";
export { createFoyer, DEFAULT_TENANT_SETTINGS } from "./foyer.ts";
export type { CrossSiteRequest } from "./http/cross-site.ts";
export { crossSiteRefusal, trustedOriginSet } from "./http/cross-site.ts";
export type { FoyerHandler, FoyerRequestContext } from "./http/handler.ts";
export type { OpenApiDocument, OpenApiOptions } from "./http/openapi.ts";
export { createOpenApiDocument } from "./http/openapi.ts";
export type { RateLimitBucketName, RateLimitRule, RateLimits } from "./http/rate-limit.ts";
export {
  clientAddressKey,
  createMemoryRateLimiter,
  DEFAULT_RATE_LIMITS,
} from "./http/rate-limit.ts";
export type { DevMailbox, DevMailboxMessage } from "./mail/dev-mailbox.ts";
export { createDevMailbox } from "./mail/dev-mailbox.ts";
export type { Dispatcher } from "./outbox/dispatcher.ts";
export { PermanentMailError } from "./outbox/dispatcher.ts";
export type { JoinPageLinks } from "./services/context.ts";
export { createMemoryStore } from "./store/memory/memory-store.ts";
export type { FoyerDatabase } from "./store/schema.ts";
export type { Store, StoreOps, StoreTx } from "./store/types.ts";
export type { TokenPurpose, TokenSecrets } from "./tokens/keyring.ts";
export type {
  AttemptKeys,
  CreateAccountInput,
  FoyerHooks,
  FoyerOptions,
  FoyerServices,
  HostUser,
  IdentityChecks,
  IdentityFlowOutcome,
  IdentityJoinStart,
  IdentitySignUp,
  IdentitySignUpProvider,
  Logger,
  Mailer,
  MailMessage,
  PasswordHasher,
  RateLimiter,
  RateLimitResult,
  VerifiedIdentity,
} from "./types.ts";

import {
  normalizeEmail,
  type Role,
  RoleSchema,
  roleFitsTenant,
  type Tenant,
  TenantSchema,
  type TenantSettings,
} from "@foyer/core";
import { FoyerServiceError } from "./errors.ts";
import { createFoyerHandler } from "./http/handler.ts";
import { createIdentityCallback } from "./http/identity-callback.ts";
import { createMemoryRateLimiter } from "./http/rate-limit.ts";
import { createDevMailbox } from "./mail/dev-mailbox.ts";
import { createDispatcher, type Dispatcher } from "./outbox/dispatcher.ts";
import { createServiceContext } from "./services/context.ts";
import { createServices } from "./services/create-services.ts";
import { upsertTenantWithLinkRules } from "./services/invite-links/sso.ts";
import { createDeliveryRecorder, createEmailComposer } from "./services/outbox.ts";
import { parseInput } from "./services/validate.ts";
import type { MemberRow, Store } from "./store/types.ts";
import { createTokenKeyring } from "./tokens/keyring.ts";
import { newId } from "./tokens.ts";
import type { FoyerOptions, FoyerServices, Logger, Mailer } from "./types.ts";

/** Tenant settings used where the host gives none. */
export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  defaultExpiry: "7d",
  maxExpiry: "30d",
  reminderEnabled: false,
  reminderLeadHours: 48,
  requireEmailVerification: false,
  allowedDomains: [],
  emailLocale: "en",
  notifyInviterOnAccept: false,
};

/** A tenant as the host describes it; omitted fields take Foyer's defaults. */
export type TenantInput = Pick<Tenant, "id" | "name"> &
  Partial<Omit<Tenant, "id" | "name" | "settings">> & { settings?: Partial<TenantSettings> };

/** A full tenant from the host's description: Foyer's defaults for whatever it leaves out. */
export function withTenantDefaults(input: TenantInput): Tenant {
  return {
    parentId: null,
    logoUrl: null,
    accentColor: null,
    inviteBaseUrl: null,
    ssoEnabled: false,
    seatLimit: null,
    status: "active",
    ...input,
    settings: { ...DEFAULT_TENANT_SETTINGS, ...input.settings },
  };
}

/** A role as the host describes it; omitted fields take Foyer's defaults. */
export type RoleInput = Pick<Role, "id" | "name" | "rank"> &
  Partial<Omit<Role, "id" | "name" | "rank">>;

/** A member as the host describes it. */
export type MemberInput = Pick<MemberRow, "tenantId" | "userId" | "email" | "roleId"> &
  Partial<Pick<MemberRow, "status" | "source">>;

/** Host-side synchronisation of tenants, roles and members (they are the host's data). */
export interface FoyerAdmin {
  /** Stores the tenant; turning `ssoEnabled` on turns its invite link off (R-LNK-05). */
  upsertTenant(input: TenantInput): Promise<Tenant>;
  upsertRole(input: RoleInput): Promise<Role>;
  addMember(input: MemberInput): Promise<void>;
}

/** What `createFoyer` returns. */
export interface Foyer {
  /** Fetch-standard handler: `(request, { clientAddress }) => Response`. */
  handler: (request: Request, context?: { clientAddress?: string }) => Promise<Response>;
  services: FoyerServices;
  /**
   * The identity provider's callback (R-LNK-06), a Fetch handler: mount it at the
   * `redirectUri` of `identitySignUp`, e.g.
   * `app.get("/auth/oidc/callback", foyerExpress({ handler: foyer.identityCallback }))`.
   * Answers 404 when `identitySignUp` is not configured.
   */
  identityCallback: (request: Request) => Promise<Response>;
  store: Store;
  mailer: Mailer;
  dispatcher: Dispatcher;
  admin: FoyerAdmin;
}

const consoleLogger: Logger = {
  info: (message, data) => console.info(JSON.stringify({ level: "info", message, ...data })),
  warn: (message, data) => console.warn(JSON.stringify({ level: "warn", message, ...data })),
  error: (message, data) => console.error(JSON.stringify({ level: "error", message, ...data })),
};

/**
 * Creates Foyer: services, the HTTP handler, the outbox dispatcher and host sync helpers.
 * @example
 * const foyer = createFoyer({
 *   store: await createPGliteStore({ dataDir: ".foyer-data" }),
 *   hooks: { authenticate, createAccount, findUserByEmail },
 *   publicBaseUrl: "https://app.example.com",
 *   passwordHasher: createScryptHasher(),
 *   tokenSecrets: process.env.FOYER_TOKEN_SECRET,
 * });
 * app.use("/api/foyer", foyerExpress(foyer));
 */
export function createFoyer(options: FoyerOptions): Foyer {
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? consoleLogger;
  const mailer = options.mailer ?? createDevMailbox();
  const { store } = options;
  const publicBaseUrl = new URL(options.publicBaseUrl).origin;
  const ctx = createServiceContext({
    store,
    hooks: options.hooks,
    now,
    publicBaseUrl,
    acceptPath: options.acceptPath ?? "/accept-invite",
    passwordHasher: options.passwordHasher,
    keyring: createTokenKeyring(options.tokenSecrets),
    ...(options.passwordPolicy ? { passwordPolicy: options.passwordPolicy } : {}),
    productName: options.productName ?? "Foyer",
    logger,
    ...(options.joinPath ? { joinPath: options.joinPath } : {}),
    ...(options.verifyEmailPath ? { verifyEmailPath: options.verifyEmailPath } : {}),
    ...(options.joinPage ? { joinPage: options.joinPage } : {}),
    ...(options.verifyInvitedEmails !== undefined
      ? { verifyInvitedEmails: options.verifyInvitedEmails }
      : {}),
    ...(options.identitySignUp ? { identitySignUp: options.identitySignUp } : {}),
  });
  const services = createServices(ctx);
  const handler = createFoyerHandler({
    services,
    hooks: options.hooks,
    store,
    rateLimiter:
      options.rateLimiter === undefined ? createMemoryRateLimiter() : options.rateLimiter,
    logger,
    maxBodyBytes: options.maxBodyBytes ?? 262_144,
    trustedOrigins: [publicBaseUrl, ...(options.trustedOrigins ?? [])],
    ...(options.basePath ? { basePath: options.basePath } : {}),
  });
  const identityCallback = createIdentityCallback({
    services,
    hooks: options.hooks,
    logger,
    identitySignUp: options.identitySignUp ?? null,
    joinPageUrl: `${publicBaseUrl}${options.joinPath ?? "/join"}`,
    acceptPageUrl: `${publicBaseUrl}${options.acceptPath ?? "/accept-invite"}`,
  });
  const dispatcher = createDispatcher({
    ...options.dispatcher,
    store,
    mailer,
    logger,
    now,
    compose: createEmailComposer(ctx),
    // Expirations first: an invitation that just ran out is settled, never reminded.
    onRound: async () => {
      await services.recordExpirations();
      await services.sendReminders();
    },
    record: createDeliveryRecorder(ctx),
    emit: (rows) => ctx.emit(rows),
  });
  const admin: FoyerAdmin = {
    async upsertTenant(input) {
      const tenant = parseInput(TenantSchema, withTenantDefaults(input));
      await upsertTenantWithLinkRules(ctx, tenant);
      return tenant;
    },
    async upsertRole(input) {
      const role = parseInput(RoleSchema, {
        description: null,
        permissions: [],
        mspStaff: false,
        tenantId: null,
        ...input,
      });
      await store.upsertRole(role);
      return role;
    },
    async addMember(input) {
      // R-INV-04: members are stored under the one address form every lookup uses.
      const email = normalizeEmail(input.email);
      if (email === null) {
        throw new FoyerServiceError("VALIDATION_FAILED", {
          issues: [{ path: "email", message: "email is not a valid address." }],
        });
      }
      // R-TEN-05: nobody joins a tenant with a role its kind does not have.
      const [tenant, roles] = await Promise.all([
        store.getTenant(input.tenantId),
        store.listRoles(),
      ]);
      const role = roles.find((r) => r.id === input.roleId);
      if (tenant && role && !roleFitsTenant(role, tenant)) {
        throw new FoyerServiceError("ROLE_NOT_FOUND", {
          issues: [
            {
              path: "roleId",
              message: `${role.name} is an MSP staff role; ${tenant.name} is a client tenant.`,
            },
          ],
        });
      }
      await store.insertMember({
        id: newId(),
        status: "active",
        source: "manual",
        createdAt: now(),
        ...input,
        email,
      });
    },
  };
  return { handler, identityCallback, services, store, mailer, dispatcher, admin };
}

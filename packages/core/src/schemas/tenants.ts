import * as z from "zod/mini";
import { REMINDER_LEAD_HOURS_MAX } from "../limits.ts";
import { expiryPresets } from "../status.ts";
import { id, line, text } from "./fields.ts";
import { HexColorSchema, HttpsUrlSchema, LogoUrlSchema, PermissionSchema } from "./shared.ts";

// Tenants, roles and who is asking (R-TEN-01..04).

/** Expiry presets (R-INV-01). */
export const ExpiryPresetSchema = z.enum(expiryPresets);

/** The languages Foyer writes its emails in (R-EML-01). */
export const EmailLocaleSchema = z.enum(["en", "de"]);
export type EmailLocale = z.infer<typeof EmailLocaleSchema>;

/** Per-tenant invitation settings. */
export const TenantSettingsSchema = z.object({
  /** Expiry preselected for new invitations. */
  defaultExpiry: ExpiryPresetSchema,
  /** Longest expiry this tenant allows. */
  maxExpiry: ExpiryPresetSchema,
  /** R-INV-17: one reminder email before a pending invitation expires. */
  reminderEnabled: z.boolean(),
  /**
   * R-INV-17: how many hours before expiry the reminder goes out (1 to 720). An invitation
   * sent less than this long before its expiry gets none: its email just went out.
   */
  reminderLeadHours: z.int().check(z.minimum(1), z.maximum(REMINDER_LEAD_HOURS_MAX)),
  /** R-INV-12: accepted invitees verify their email before they can sign in. */
  requireEmailVerification: z.boolean(),
  /**
   * Email domains that may be invited (normalised, lower case, punycode); empty for any.
   * Addresses outside are skipped with `domain_not_allowed` (R-INV-02).
   */
  allowedDomains: z.array(z.string()).check(z.maxLength(50)),
  /** R-EML-01: the language of the tenant's emails (invitation, reminder, verification, notices). */
  emailLocale: EmailLocaleSchema,
  /** R-EML-01: tell the inviter by email when their invitation is accepted. */
  notifyInviterOnAccept: z.boolean(),
});
export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

/** A tenant (R-TEN-01): an MSP has children; a client tenant has a parent. */
export const TenantSchema = z.object({
  id: id(),
  parentId: z.nullable(id()),
  name: line(200, 1),
  logoUrl: z.nullable(LogoUrlSchema),
  accentColor: z.nullable(HexColorSchema),
  inviteBaseUrl: z.nullable(HttpsUrlSchema),
  ssoEnabled: z.boolean(),
  seatLimit: z.nullable(z.int().check(z.minimum(0))),
  status: z.enum(["active", "cancelled"]),
  settings: TenantSettingsSchema,
});
export type Tenant = z.infer<typeof TenantSchema>;

/** A role (R-TEN-02), supplied by the host. */
export const RoleSchema = z.object({
  id: id(),
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  description: z.nullable(text(500)),
  rank: z.int(),
  permissions: z.array(PermissionSchema),
  /** MSP staff roles can only be granted by MSP staff (R-TEN-04). */
  mspStaff: z.boolean(),
  /** The tenant whose subtree may use the role; null for every tenant. */
  tenantId: z.nullable(id()),
});
export type Role = z.infer<typeof RoleSchema>;

/** The signed-in person making an admin call, as the host's `authenticate` hook sees them. */
export const ActorSchema = z.object({
  id: id(),
  email: z.string(),
  name: z.nullable(z.string()),
  tenantId: id(),
  roleId: id(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** A person shown on an invitation (the inviter, the revoker). */
export const PersonRefSchema = z.object({
  id: id(),
  email: z.string(),
  name: z.nullable(z.string()),
});
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** A tenant the actor may manage, with what it may do there. */
export const ManagedTenantSchema = z.object({
  tenant: TenantSchema,
  permissions: z.array(PermissionSchema),
});
export type ManagedTenant = z.infer<typeof ManagedTenantSchema>;

/** The actor's context: who it is and which tenants it manages. */
export const SessionContextSchema = z.object({
  actor: ActorSchema,
  role: RoleSchema,
  tenants: z.array(ManagedTenantSchema),
});
export type SessionContext = z.infer<typeof SessionContextSchema>;

/** Roles of a tenant, each marked whether the actor may grant it (R-TEN-04). */
export const TenantRolesSchema = z.object({
  roles: z.array(z.object({ role: RoleSchema, grantable: z.boolean() })),
});
export type TenantRoles = z.infer<typeof TenantRolesSchema>;

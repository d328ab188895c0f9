import * as z from "zod/mini";
import { isoDate, text } from "./fields.ts";
import { PersonRefSchema } from "./tenants.ts";

// The audit trail (R-INV-14).

/** R-INV-14: the audit actions. */
export const AuditActionSchema = z.enum([
  "created",
  "resent",
  "revoked",
  "accepted",
  "expired",
  "joined",
  "reminded",
  /** The invite link was turned on (R-LNK-01). */
  "link_enabled",
  /** The invite link was turned off (R-LNK-02). */
  "link_disabled",
  /** The link's role, domains, expiry or join limit changed (R-LNK-02, R-LNK-10). */
  "link_updated",
  /** The link's token was retired and a new one issued (R-LNK-03). */
  "link_regenerated",
  /** An account proved its address with a verification email (R-LNK-09). */
  "email_verified",
  /** A pending invitation's link was copied again by an admin (R-INV-10). */
  "invitation_link_copied",
  /** The dispatcher delivered an invitation email (R-EML-02); data: kind, outboxId, attempts. */
  "email_sent",
  /** An invitation email or reminder failed for good (R-EML-02); data adds the server's reason. */
  "email_failed",
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** Where an audited change came from. */
export const AuditSourceSchema = z.enum(["email_invitation", "link", "manual", "system"]);
export type AuditSource = z.infer<typeof AuditSourceSchema>;

/** One audit record. */
export const AuditEventSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  invitationId: z.nullable(z.string()),
  action: AuditActionSchema,
  source: AuditSourceSchema,
  actor: z.nullable(PersonRefSchema),
  subjectEmail: z.nullable(z.string()),
  at: isoDate(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** A page of audit records, newest first. */
export const AuditPageSchema = z.object({
  items: z.array(AuditEventSchema),
  nextCursor: z.nullable(z.string()),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

/** Query for audit pages. */
export const AuditQuerySchema = z.strictObject({
  cursor: z.optional(text(500)),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(200)), 50),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

import * as z from "zod/mini";
import { errorCodes } from "../errors.ts";
import { HEX_COLOR_PATTERN } from "../limits.ts";
import { isLogoUrl } from "../logo.ts";
import { id } from "./fields.ts";

// Shapes every resource uses: colours, URLs, permissions, identity providers, errors.

/** A CSS hex colour: `#abc` or `#aabbcc`. */
export const HexColorSchema = z.string().check(z.regex(HEX_COLOR_PATTERN));
/** An https URL (invite base URLs). */
export const HttpsUrlSchema = z.url({ protocol: /^https$/, hostname: z.regexes.domain });
/**
 * A tenant logo: an https URL, a path on the host's own origin (`/logos/acme.svg`) or an
 * image data URL (see `isLogoUrl`).
 */
export const LogoUrlSchema = z.string().check(z.refine(isLogoUrl, "Not a usable logo URL."));

/** Permissions that authorise admin calls (R-TEN-03). */
export const PermissionSchema = z.enum([
  "invitations:read",
  "invitations:create",
  "invitations:revoke",
  "invite_links:manage",
]);
export type Permission = z.infer<typeof PermissionSchema>;

/** An identity provider a person may sign up with instead of a password (R-LNK-06). */
export const IdentityProviderSchema = z.object({
  id: id(),
  /** The button's provider name: "Continue with {name}". */
  name: z.string(),
});
export type IdentityProvider = z.infer<typeof IdentityProviderSchema>;

/** One field problem of a VALIDATION_FAILED answer. */
export const IssueSchema = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof IssueSchema>;

/** Every error answer: `{ error: { code, message, issues?, details? } }`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    issues: z.optional(z.array(IssueSchema)),
    details: z.optional(z.record(z.string(), z.unknown())),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// Limits and patterns shared by the schemas and the components, in a zod-free module so
// browser code that needs only a number does not pull in the schema constructors.

/** Most addresses one batch may carry (R-INV-02). */
export const MAX_BATCH = 1000;

/** Longest personal message (R-INV-01). */
export const MAX_MESSAGE = 1000;

/** A CSS hex colour: `#abc` or `#aabbcc` (R-TEN-01). */
export const HEX_COLOR_PATTERN = /^#(?:[0-9a-fA-F]{3}){1,2}$/;

/** Most email domains a tenant's invite link may allow (R-LNK-04). */
export const MAX_LINK_DOMAINS = 50;

/** Largest join limit an invite link may have (R-LNK-10). */
export const MAX_LINK_JOINS = 1_000_000;

/** Longest reminder lead time in hours, the longest expiry preset (R-INV-17). */
export const REMINDER_LEAD_HOURS_MAX = 720;

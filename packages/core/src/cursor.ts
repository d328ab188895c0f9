import * as z from "zod/mini";

/**
 * What a list cursor holds once decoded (base64url JSON the server made): the position after
 * which the next page starts. A cursor comes back from the client, so it is input like any
 * other (R-SDK-06): instants must be ISO 8601 UTC with a four-digit year (every store can hold
 * them; PostgreSQL's range ends at 4713 BC, JavaScript's dates reach ±275,760 years), ids are
 * short and plain (no NUL, which PostgreSQL cannot store), and nothing else may ride along.
 * Kept apart from the request schemas so browser bundles, which never decode cursors, leave it out.
 */
export const CursorPositionSchema = z.strictObject({
  /** The sort value of the last row (sent or expiry time). */
  v: z.optional(z.iso.datetime()),
  /** The time of the last audit event. */
  a: z.optional(z.iso.datetime()),
  /** The id of the last row. */
  i: z.optional(z.string().check(z.regex(/^[A-Za-z0-9._:-]{1,128}$/))),
  /** The sort the cursor was made for. */
  s: z.optional(z.string().check(z.maxLength(32))),
  /** The order the cursor was made for. */
  o: z.optional(z.string().check(z.maxLength(32))),
});
export type CursorPosition = z.infer<typeof CursorPositionSchema>;

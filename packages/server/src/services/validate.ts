import { formatIssues } from "@foyer/core";
import type * as z from "zod/mini";
import { FoyerServiceError } from "../errors.ts";

/**
 * Parses input with a core schema, or throws VALIDATION_FAILED with issues that name each
 * field. Services validate on their own so a host calling them directly gets the same rules.
 */
export function parseInput<T extends z.ZodMiniType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = formatIssues(result.error.issues);
  throw new FoyerServiceError("VALIDATION_FAILED", {
    message: issues[0]?.message ?? "The request is not valid.",
    issues,
  });
}

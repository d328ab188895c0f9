import type { Issue } from "./schemas.ts";

interface RawIssue {
  code: string;
  path: PropertyKey[];
  message?: string;
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  format?: string;
  keys?: string[];
  values?: unknown[];
  expected?: string;
}

/**
 * Turns zod issues into `{ path, message }` pairs whose message names the field. zod/mini
 * carries no message locale (it would cost bundle size), so Foyer words them here, once.
 */
export function formatIssues(issues: readonly RawIssue[]): Issue[] {
  const out: Issue[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys" && issue.keys) {
      for (const key of issue.keys) {
        const path = base ? `${base}.${key}` : key;
        out.push({ path, message: `${path} is not an accepted field.` });
      }
      continue;
    }
    const field = base || "body";
    out.push({ path: base, message: `${field} ${describe(issue)}` });
  }
  return out;
}

function describe(issue: RawIssue): string {
  const unit = issue.origin === "string" ? " characters" : issue.origin === "array" ? " items" : "";
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "undefined"
        ? "is not accepted."
        : `is required and must be ${article(issue.expected ?? "value")}.`;
    case "too_small":
      return issue.origin === "string" && issue.minimum === 1
        ? "must not be empty."
        : `must be at least ${String(issue.minimum)}${unit}.`;
    case "too_big":
      return `must be at most ${String(issue.maximum)}${unit}.`;
    case "invalid_format":
      return `must be a valid ${issue.format ?? "value"}.`;
    case "invalid_value":
      return `must be one of: ${(issue.values ?? []).map(String).join(", ")}.`;
    case "not_multiple_of":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
      return "is not valid.";
    default:
      return issue.message && issue.message !== "Invalid input" ? issue.message : "is not valid.";
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

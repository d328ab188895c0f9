import type { ErrorBodySchema } from "@foyer/core";
import { FoyerClientError } from "./foyer-client-error.ts";

/**
 * One problem zod found in an answer. Derived from core's schemas so this package needs no
 * direct zod dependency.
 */
export type ContractIssue = NonNullable<
  ReturnType<(typeof ErrorBodySchema)["safeParse"]>["error"]
>["issues"][number];

/**
 * The server answered, but not with what the contract in `@foyer/core` promises (a wrong
 * shape, or not JSON at all). Usually a version mismatch between client and server, or
 * something between them rewriting answers. `issues` are zod's.
 */
export class FoyerContractError extends FoyerClientError {
  override readonly name = "FoyerContractError";
  /** The HTTP status of the answer. */
  readonly status: number;
  /** What did not match, as zod reports it. */
  readonly issues: readonly ContractIssue[];

  constructor(init: {
    method: string;
    path: string;
    status: number;
    issues: readonly ContractIssue[];
    cause?: unknown;
  }) {
    const first = init.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.map(String).join(".")}` : "";
    super(
      `${init.method} ${init.path} answered ${init.status} with a body that does not match the contract${where}: ${first?.message ?? "unknown problem"}`,
      init,
    );
    this.status = init.status;
    this.issues = init.issues;
  }
}

/** Whether `error` is a `FoyerContractError` (by class, or by name across bundle copies). */
export function isFoyerContractError(error: unknown): error is FoyerContractError {
  return (
    error instanceof FoyerContractError ||
    (error instanceof Error && error.name === "FoyerContractError")
  );
}

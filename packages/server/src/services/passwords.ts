import { evaluatePassword } from "@foyer/core";
import { FoyerServiceError } from "../errors.ts";
import type { ServiceContext } from "./context.ts";

/**
 * A new account's password meets the policy (R-PWD-01) and matches its confirmation;
 * PASSWORD_TOO_WEAK names every failed rule, PASSWORD_MISMATCH the confirmation.
 */
export function requireNewPassword(
  ctx: Pick<ServiceContext, "passwordPolicy">,
  password: string,
  confirmation: string,
): void {
  const check = evaluatePassword(password, ctx.passwordPolicy);
  if (!check.ok) {
    const failed = check.rules.filter((rule) => !rule.met).map((rule) => rule.id);
    throw new FoyerServiceError("PASSWORD_TOO_WEAK", {
      issues: failed.map((id) => ({
        path: "password",
        message: `password fails the ${id} rule.`,
      })),
      details: { failedRules: failed },
    });
  }
  if (password !== confirmation) {
    throw new FoyerServiceError("PASSWORD_MISMATCH", {
      issues: [
        {
          path: "passwordConfirmation",
          message: "passwordConfirmation does not match password.",
        },
      ],
    });
  }
}

import { emailKey, normalizeEmail } from "@foyer/core";
import {
  clientAddressKey,
  isFoyerServiceError,
  type PasswordHasher,
  type RateLimiter,
} from "@foyer/server";
import { type RequestHandler, type Response, Router } from "express";
import type { Kysely } from "kysely";
import { errorBody, publicUser, sendError } from "./http-answers.ts";
import type { RefTables } from "./schema.ts";
import { SESSION_COOKIE, type Sessions } from "./sessions.ts";
import { findUserByEmail } from "./users.ts";

// The reference app's password sign-in (`POST /login`) and sign-out (`POST /logout`): the
// host's own, beside Foyer. Failures count per client address, per account and across all
// clients before a password costs a hash (R-SEC-03), and an unverified address is told how
// to get a new verification email (R-LNK-09).

/** What the routes need from the app. */
export interface PasswordSignInDeps {
  db: Kysely<RefTables>;
  sessions: Sessions;
  passwordHasher: PasswordHasher;
  limiter: RateLimiter;
  /** A hash verified when the address is unknown, so a refusal takes as long either way. */
  decoyHash: string;
  /** Run before each route: no-store, same-origin writes, bounded JSON bodies, the parser. */
  guards: RequestHandler[];
}

/** The router of `/login` and `/logout`. */
export function createPasswordSignIn(deps: PasswordSignInDeps): Router {
  const { db, sessions, passwordHasher, limiter, decoyHash, guards } = deps;
  const router = Router();
  const tooMany = (res: Response, retryAfterSeconds: number, message?: string) => {
    res.setHeader("Retry-After", String(retryAfterSeconds));
    sendError(res, "RATE_LIMITED", message);
  };

  router.post("/login", ...guards, async (req, res) => {
    // The socket's address (the app trusts no proxy): X-Forwarded-For cannot forge it.
    const address = req.ip ?? "unknown";
    const verdict = await limiter.consume("public", `login:${clientAddressKey(address)}`);
    if (!verdict.ok) return tooMany(res, verdict.retryAfterSeconds);
    const body: unknown = req.body;
    const email =
      typeof body === "object" && body !== null && "email" in body ? body.email : undefined;
    const password =
      typeof body === "object" && body !== null && "password" in body ? body.password : undefined;
    const issues = [
      ...(typeof email === "string" && email.length > 0 && email.length <= 254
        ? []
        : [
            {
              path: "email",
              message: "email must be a non-empty string of at most 254 characters.",
            },
          ]),
      ...(typeof password === "string" && password.length > 0 && password.length <= 1024
        ? []
        : [
            {
              path: "password",
              message: "password must be a non-empty string of at most 1024 characters.",
            },
          ]),
    ];
    if (typeof email !== "string" || typeof password !== "string" || issues.length > 0) {
      res.status(400).json({ error: { ...errorBody("VALIDATION_FAILED").error, issues } });
      return;
    }
    // R-SEC-03: failures count per address, per account and across all clients, and are
    // checked before the password costs a hash.
    const normalized = normalizeEmail(email);
    const keys = { address, account: `login:${emailKey(email)}` };
    const attempt = await limiter.checkAttempt(keys);
    if (!attempt.ok) {
      return tooMany(res, attempt.retryAfterSeconds, "Too many failed sign-ins. Try again later.");
    }
    const user = normalized ? await findUserByEmail(db, email) : null;
    let ok: boolean;
    try {
      ok = await passwordHasher.verify(password, user?.password_hash ?? decoyHash);
    } catch (error) {
      // The hasher's queue is full: refuse fast rather than wait behind a flood.
      if (isFoyerServiceError(error) && error.code === "RATE_LIMITED") {
        const retryAfterSeconds = error.retryAfterSeconds ?? 1;
        // Coming back sooner than this counts as a failed attempt of the address.
        await limiter.deferAttempts(keys, retryAfterSeconds);
        return tooMany(res, retryAfterSeconds, error.message);
      }
      throw error;
    }
    if (!user || !ok || !user.active) {
      await limiter.recordAttempt(keys, "failed");
      return sendError(res, "UNAUTHENTICATED", "The email or password is not correct.");
    }
    await limiter.recordAttempt(keys, "succeeded");
    if (!user.email_verified) {
      // R-LNK-09: the password was right, but the address is unproven. The page offers a
      // new verification email through Foyer's resend endpoint.
      res.status(403).json({
        error: {
          ...errorBody("EMAIL_NOT_VERIFIED").error,
          details: { resendPath: "/api/foyer/public/email-verification/resend" },
        },
      });
      return;
    }
    res.setHeader("Set-Cookie", await sessions.create(user.id));
    res.json({ user: publicUser(user) });
  });

  router.post("/logout", ...guards, async (req, res) => {
    const sessionId: unknown = req.signedCookies[SESSION_COOKIE];
    if (typeof sessionId === "string") await sessions.destroy(sessionId);
    res.setHeader("Set-Cookie", sessions.clearCookie());
    res.status(204).end();
  });
  return router;
}

import { type ErrorCode, SKIP_REASONS, type SkipReason } from "@foyer/core";
import type { Foyer } from "@foyer/server";
import express, { type RequestHandler, type Response, type Router } from "express";
import { API_KEY_NAME_MAX, type ApiKeys } from "./api-keys.ts";
import type { RefUser } from "./users.ts";

// The reference app's API for machine clients (R-SDK-09):
//
// - `POST /api/invites`: seed 004's "create an invite, get its link" call, for scripts with
//   `Authorization: Bearer <API key>` (or a browser session). It runs through Foyer's own
//   route, so its rules, rate limits, Idempotency-Key and audit apply unchanged; the
//   invitation is link-only and replaces a pending one to the same address.
// - `GET /api/keys`, `POST /api/keys`, `POST /api/keys/:id/revoke`: a signed-in admin's API
//   keys. Only the browser session manages keys; a key cannot make or revoke keys.

/** An error answer in Foyer's shape. */
type Refuse = (
  res: Response,
  code: ErrorCode,
  message?: string,
  issues?: { path: string; message: string }[],
) => void;

/** What the routes need from the app. */
export interface ApiRouterDeps {
  foyer: Foyer;
  apiKeys: ApiKeys;
  /** The active user of the request's session cookie, or null. */
  currentUser(req: express.Request): Promise<RefUser | null>;
  /** Middleware run before a state change's body is parsed: the cross-site rule, the size bound. */
  guards: RequestHandler[];
  /** The app's JSON body parser. */
  json: RequestHandler;
  refuse: Refuse;
}

/** `expires_hours` values and the expiry preset each one stands for. */
const EXPIRES_HOURS = { 24: "24h", 72: "3d", 168: "7d", 336: "14d", 720: "30d" } as const;

const INVITE_FIELDS = ["email", "name", "role_id", "tenant_id", "expires_hours"];

/** An id given as a string or (as in seed 004's example) a number. */
function idField(value: unknown): string | null {
  if (typeof value === "string" && value.length > 0 && value.length <= 200) return value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

/** The error answer for an address Foyer did not invite. */
function skipRefusal(reason: SkipReason): { code: ErrorCode; path?: string } {
  switch (reason) {
    case "invalid_email":
    case "domain_not_allowed":
    case "duplicate_in_batch":
      return { code: "VALIDATION_FAILED", path: "email" };
    case "already_member":
    case "deactivated_user":
    case "already_pending":
      return { code: "USER_ALREADY_EXISTS" };
    case "seat_limit":
      return { code: "SEAT_LIMIT_REACHED" };
  }
}

interface CreatedAnswer {
  created: {
    link: string | null;
    replacedId: string | null;
    invitation: { id: string; expiresAt: string } | null;
  }[];
  skipped: { reason: SkipReason; message: string }[];
}

/** Creates the router of `/api/invites` and `/api/keys`. */
export function createApiRouter(deps: ApiRouterDeps): Router {
  const { foyer, apiKeys, currentUser, guards, json, refuse } = deps;
  const router = express.Router();
  const noStore: RequestHandler = (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  };

  router.post("/api/invites", noStore, ...guards, json, async (req, res) => {
    const body: unknown = req.body;
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return refuse(res, "VALIDATION_FAILED", "The body must be a JSON object.");
    }
    const fields = body as Record<string, unknown>;
    const issues: { path: string; message: string }[] = [];
    for (const name of Object.keys(fields)) {
      if (!INVITE_FIELDS.includes(name)) {
        issues.push({ path: name, message: `${name} is not a field of this request.` });
      }
    }
    const email = fields.email;
    if (typeof email !== "string" || email.length === 0 || email.length > 254) {
      issues.push({
        path: "email",
        message: "email must be an address of at most 254 characters.",
      });
    }
    const name = fields.name ?? null;
    if (name !== null && (typeof name !== "string" || name.length > 200)) {
      issues.push({ path: "name", message: "name must be a string of at most 200 characters." });
    }
    const roleId = idField(fields.role_id);
    if (roleId === null) issues.push({ path: "role_id", message: "role_id must be a role's id." });
    const tenantId = idField(fields.tenant_id);
    if (tenantId === null) {
      issues.push({ path: "tenant_id", message: "tenant_id must be a tenant's id." });
    }
    const hours = fields.expires_hours;
    const expiresIn =
      hours === undefined ? undefined : EXPIRES_HOURS[hours as keyof typeof EXPIRES_HOURS];
    if (hours !== undefined && expiresIn === undefined) {
      issues.push({
        path: "expires_hours",
        message: `expires_hours must be one of ${Object.keys(EXPIRES_HOURS).join(", ")}.`,
      });
    }
    if (issues.length > 0) return refuse(res, "VALIDATION_FAILED", undefined, issues);

    // Foyer's route decides everything else: who the caller is (the key or the session),
    // the tenant, the role, the expiry, the rate limit and the Idempotency-Key.
    const headers = new Headers({ "content-type": "application/json" });
    for (const name of ["authorization", "cookie", "origin", "sec-fetch-site", "idempotency-key"]) {
      const value = req.get(name);
      if (value !== undefined) headers.set(name, value);
    }
    const answer = await foyer.handler(
      new Request("http://foyer.invalid/invitations", {
        method: "POST",
        headers,
        body: JSON.stringify({
          tenantId,
          emails: [email],
          roleId,
          name: typeof name === "string" && name.trim().length > 0 ? name : null,
          ...(expiresIn ? { expiresIn } : {}),
          ifPending: "replace",
          delivery: "link",
        }),
      }),
      { clientAddress: req.ip ?? "unknown" },
    );
    const retryAfter = answer.headers.get("retry-after");
    if (retryAfter !== null) res.setHeader("Retry-After", retryAfter);
    const result: unknown = await answer.json();
    if (answer.status !== 200) return res.status(answer.status).json(result);

    const { created, skipped } = result as CreatedAnswer;
    const invited = created[0];
    if (invited?.invitation && invited.link) {
      const token = new URLSearchParams(new URL(invited.link).hash.slice(1)).get("token");
      return res.status(201).json({
        token,
        invite_url: invited.link,
        invitation_id: invited.invitation.id,
        expires_at: invited.invitation.expiresAt,
        replaced_invitation_id: invited.replacedId,
      });
    }
    const reason = skipped[0]?.reason ?? "invalid_email";
    const refusal = skipRefusal(reason);
    const message = skipped[0]?.message ?? SKIP_REASONS[reason].message;
    return refuse(
      res,
      refusal.code,
      message,
      refusal.path ? [{ path: refusal.path, message }] : undefined,
    );
  });

  /** The signed-in user, if their role holds any of Foyer's permissions (an admin). */
  const signedInAdmin = async (req: express.Request, res: Response) => {
    if (req.get("authorization") !== undefined) {
      refuse(res, "FORBIDDEN", "API keys are managed from a signed-in session, not with a key.");
      return null;
    }
    const user = await currentUser(req);
    if (!user) {
      refuse(res, "UNAUTHENTICATED");
      return null;
    }
    const role = (await foyer.store.listRoles()).find((r) => r.id === user.role_id);
    if (!role || role.permissions.length === 0) {
      refuse(res, "FORBIDDEN", "Only administrators can manage API keys.");
      return null;
    }
    return user;
  };

  router.get("/api/keys", noStore, async (req, res) => {
    const user = await signedInAdmin(req, res);
    if (!user) return;
    res.json({ keys: await apiKeys.list(user.id) });
  });

  router.post("/api/keys", noStore, ...guards, json, async (req, res) => {
    const user = await signedInAdmin(req, res);
    if (!user) return;
    const body: unknown = req.body;
    const raw = typeof body === "object" && body !== null && "name" in body ? body.name : undefined;
    const name = typeof raw === "string" ? raw.trim() : "";
    if (name.length === 0 || name.length > API_KEY_NAME_MAX) {
      const message = `name must be 1 to ${API_KEY_NAME_MAX} characters.`;
      return refuse(res, "VALIDATION_FAILED", message, [{ path: "name", message }]);
    }
    res.status(201).json(await apiKeys.create(user.id, name));
  });

  router.post("/api/keys/:id/revoke", noStore, ...guards, json, async (req, res) => {
    const user = await signedInAdmin(req, res);
    if (!user) return;
    const revoked = await apiKeys.revoke(user.id, String(req.params.id));
    if (!revoked) return refuse(res, "NOT_FOUND", "No such API key.");
    res.json({ apiKey: revoked });
  });

  return router;
}

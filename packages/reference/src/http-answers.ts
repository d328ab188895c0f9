import { ERROR_CODES, type ErrorCode } from "@foyer/core";
import type { Response } from "express";
import { displayName } from "./users.ts";

// How the reference app's own endpoints answer: errors in Foyer's shape, users without
// anything secret.

/** `{ error: { code, message } }`, with the code's default message unless one is given. */
export function errorBody(code: ErrorCode, message?: string) {
  return { error: { code, message: message ?? ERROR_CODES[code].message } };
}

/** Answers an error with its code's status. */
export function sendError(res: Response, code: ErrorCode, message?: string): void {
  res.status(ERROR_CODES[code].status).json(errorBody(code, message));
}

/** A user as `/me` and `/login` show it. */
export function publicUser(user: {
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  tenant_id: string;
  role_id: string;
}) {
  return {
    id: user.id,
    email: user.email,
    name: displayName(user),
    firstName: user.first_name,
    lastName: user.last_name,
    tenantId: user.tenant_id,
    roleId: user.role_id,
  };
}

import type * as z from "zod/mini";
import {
  AcceptInvitationBodySchema,
  AcceptResultSchema,
  AuditPageSchema,
  AuditQuerySchema,
  BatchResultSchema,
  CreateInvitationsBodySchema,
  InvitationPageSchema,
  InvitationPreviewSchema,
  InvitationResultSchema,
  ListInvitationsQuerySchema,
  ResendInvitationBodySchema,
  ResendResultSchema,
  RevokeInvitationBodySchema,
  SessionContextSchema,
  TenantRolesSchema,
  TokenBodySchema,
} from "./schemas.ts";

/** One endpoint of the Foyer API: the server routes by it, the client calls by it. */
export interface RouteDef {
  method: "GET" | "POST";
  /** Path below the mount point, with `{param}` placeholders. */
  path: string;
  summary: string;
  /** `admin` calls need an actor; `public` calls are the invitee's. */
  access: "admin" | "public";
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** Status of a successful answer. */
  status: 200 | 201;
  /** Accepts an `Idempotency-Key` header (R-SDK-08). */
  idempotent?: boolean;
  /** Counts against a rate limit bucket (R-SDK-07). */
  rateLimit?: "public" | "create";
}

/**
 * The API, once. Tokens travel only in bodies (R-INV-11), so no path here holds one.
 */
export const routes = {
  getContext: {
    method: "GET",
    path: "/context",
    summary: "Who the actor is and which tenants it manages",
    access: "admin",
    response: SessionContextSchema,
    status: 200,
  },
  listTenantRoles: {
    method: "GET",
    path: "/tenants/{tenantId}/roles",
    summary: "Roles of a tenant, each marked whether the actor may grant it",
    access: "admin",
    response: TenantRolesSchema,
    status: 200,
  },
  listTenantEvents: {
    method: "GET",
    path: "/tenants/{tenantId}/events",
    summary: "The tenant's audit trail, newest first",
    access: "admin",
    query: AuditQuerySchema,
    response: AuditPageSchema,
    status: 200,
  },
  listInvitations: {
    method: "GET",
    path: "/invitations",
    summary: "List invitations with status filter, search, sort and cursor pages",
    access: "admin",
    query: ListInvitationsQuerySchema,
    response: InvitationPageSchema,
    status: 200,
  },
  createInvitations: {
    method: "POST",
    path: "/invitations",
    summary: "Invite one or many addresses (or preview with dryRun)",
    access: "admin",
    body: CreateInvitationsBodySchema,
    response: BatchResultSchema,
    status: 200,
    idempotent: true,
    rateLimit: "create",
  },
  getInvitation: {
    method: "GET",
    path: "/invitations/{invitationId}",
    summary: "One invitation",
    access: "admin",
    response: InvitationResultSchema,
    status: 200,
  },
  listInvitationEvents: {
    method: "GET",
    path: "/invitations/{invitationId}/events",
    summary: "The invitation's audit trail, newest first",
    access: "admin",
    query: AuditQuerySchema,
    response: AuditPageSchema,
    status: 200,
  },
  resendInvitation: {
    method: "POST",
    path: "/invitations/{invitationId}/resend",
    summary: "Issue a new token and expiry; earlier links stop working",
    access: "admin",
    body: ResendInvitationBodySchema,
    response: ResendResultSchema,
    status: 200,
    idempotent: true,
    rateLimit: "create",
  },
  revokeInvitation: {
    method: "POST",
    path: "/invitations/{invitationId}/revoke",
    summary: "Revoke a pending or expired invitation, at once and for good",
    access: "admin",
    body: RevokeInvitationBodySchema,
    response: InvitationResultSchema,
    status: 200,
  },
  previewInvitation: {
    method: "POST",
    path: "/public/invitations/preview",
    summary: "What the invitee's page shows; never consumes the token",
    access: "public",
    body: TokenBodySchema,
    response: InvitationPreviewSchema,
    status: 200,
    rateLimit: "public",
  },
  acceptInvitation: {
    method: "POST",
    path: "/public/invitations/accept",
    summary: "Create the account and accept the invitation, in one transaction",
    access: "public",
    body: AcceptInvitationBodySchema,
    response: AcceptResultSchema,
    status: 200,
    rateLimit: "public",
  },
} as const satisfies Record<string, RouteDef>;

/** The name of an endpoint, such as `createInvitations`. */
export type RouteName = keyof typeof routes;

/** Fills `{param}` placeholders, encoding each value. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter ${key} for ${path}`);
    return encodeURIComponent(value);
  });
}

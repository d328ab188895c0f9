/** One endpoint of the Foyer API without its schemas: what a caller needs to reach it. */
export interface EndpointDef {
  method: "GET" | "POST";
  /** Path below the mount point, with `{param}` placeholders. */
  path: string;
  /** `admin` calls need an actor; `public` calls are the invitee's. */
  access: "admin" | "public";
  /** Status of a successful answer. */
  status: 200 | 201;
  /** Accepts an `Idempotency-Key` header (R-SDK-08). */
  idempotent?: boolean;
  /** Counts against a rate limit bucket (R-SDK-07). */
  rateLimit?: "public" | "create";
}

/**
 * The API, once: every endpoint's method, path and HTTP behaviour, free of zod so the
 * client can reach an endpoint without carrying the schemas up front. `routes` in
 * `routes.ts` adds each endpoint's query, body and response schemas. Tokens travel only in
 * bodies (R-INV-11), so no path here holds one.
 */
export const endpoints = {
  getContext: {
    method: "GET",
    path: "/context",
    access: "admin",
    status: 200,
  },
  listTenantRoles: {
    method: "GET",
    path: "/tenants/{tenantId}/roles",
    access: "admin",
    status: 200,
  },
  listTenantEvents: {
    method: "GET",
    path: "/tenants/{tenantId}/events",
    access: "admin",
    status: 200,
  },
  listInvitations: {
    method: "GET",
    path: "/invitations",
    access: "admin",
    status: 200,
  },
  createInvitations: {
    method: "POST",
    path: "/invitations",
    access: "admin",
    status: 200,
    idempotent: true,
    rateLimit: "create",
  },
  getInvitation: {
    method: "GET",
    path: "/invitations/{invitationId}",
    access: "admin",
    status: 200,
  },
  listInvitationEvents: {
    method: "GET",
    path: "/invitations/{invitationId}/events",
    access: "admin",
    status: 200,
  },
  resendInvitation: {
    method: "POST",
    path: "/invitations/{invitationId}/resend",
    access: "admin",
    status: 200,
    idempotent: true,
    rateLimit: "create",
  },
  revokeInvitation: {
    method: "POST",
    path: "/invitations/{invitationId}/revoke",
    access: "admin",
    status: 200,
  },
  copyInvitationLink: {
    method: "POST",
    path: "/invitations/{invitationId}/link",
    access: "admin",
    status: 200,
  },
  previewInvitation: {
    method: "POST",
    path: "/public/invitations/preview",
    access: "public",
    status: 200,
    rateLimit: "public",
  },
  acceptInvitation: {
    method: "POST",
    path: "/public/invitations/accept",
    access: "public",
    status: 200,
    rateLimit: "public",
  },
  getInviteLink: {
    method: "GET",
    path: "/tenants/{tenantId}/invite-link",
    access: "admin",
    status: 200,
  },
  updateInviteLink: {
    method: "POST",
    path: "/tenants/{tenantId}/invite-link",
    access: "admin",
    status: 200,
  },
  regenerateInviteLink: {
    method: "POST",
    path: "/tenants/{tenantId}/invite-link/regenerate",
    access: "admin",
    status: 200,
  },
  previewInviteLink: {
    method: "POST",
    path: "/public/invite-links/preview",
    access: "public",
    status: 200,
    rateLimit: "public",
  },
  joinWithInviteLink: {
    method: "POST",
    path: "/public/invite-links/join",
    access: "public",
    status: 201,
    rateLimit: "public",
  },
  startIdentityJoin: {
    method: "POST",
    path: "/public/invite-links/identity/start",
    access: "public",
    status: 200,
    rateLimit: "public",
  },
  startIdentityAccept: {
    method: "POST",
    path: "/public/invitations/identity/start",
    access: "public",
    status: 200,
    rateLimit: "public",
  },
  verifyEmail: {
    method: "POST",
    path: "/public/email-verification/verify",
    access: "public",
    status: 200,
    rateLimit: "public",
  },
  resendVerificationEmail: {
    method: "POST",
    path: "/public/email-verification/resend",
    access: "public",
    status: 200,
    rateLimit: "public",
  },
} as const satisfies Record<string, EndpointDef>;

/** The name of an endpoint, such as `createInvitations`. */
export type RouteName = keyof typeof endpoints;

/**
 * The `{param}` placeholders of a path, as a union of their names.
 * @example
 * type Names = PathParamNames<"/tenants/{tenantId}/roles">; // "tenantId"
 */
export type PathParamNames<Path extends string> =
  Path extends `${string}{${infer Name}}${infer Rest}` ? Name | PathParamNames<Rest> : never;

/**
 * The path parameters of an endpoint, each a decoded string, so a misspelt parameter is a
 * compile error. Distributes over a union of names.
 * @example
 * type Params = RouteParams<"getInvitation">; // { invitationId: string }
 */
export type RouteParams<N extends RouteName> = N extends RouteName
  ? { readonly [Name in PathParamNames<(typeof endpoints)[N]["path"]>]: string }
  : never;

/** Fills `{param}` placeholders, encoding each value. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter ${key} for ${path}`);
    return encodeURIComponent(value);
  });
}

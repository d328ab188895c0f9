import type * as z from "zod/mini";
import { type EndpointDef, endpoints, type RouteName } from "./endpoints.ts";
import {
  AcceptInvitationBodySchema,
  AcceptResultSchema,
  AuditPageSchema,
  AuditQuerySchema,
  BatchResultSchema,
  CopyInvitationLinkBodySchema,
  CreateInvitationsBodySchema,
  InvitationLinkResultSchema,
  InvitationPageSchema,
  InvitationPreviewSchema,
  InvitationResultSchema,
  InviteLinkPreviewSchema,
  InviteLinkResultSchema,
  JoinBodySchema,
  JoinResultSchema,
  ListInvitationsQuerySchema,
  RegenerateInviteLinkBodySchema,
  ResendInvitationBodySchema,
  ResendResultSchema,
  ResendVerificationBodySchema,
  ResendVerificationResultSchema,
  RevokeInvitationBodySchema,
  SessionContextSchema,
  StartIdentityJoinBodySchema,
  StartIdentityJoinResultSchema,
  TenantRolesSchema,
  TokenBodySchema,
  UpdateInviteLinkBodySchema,
  VerifyEmailResultSchema,
} from "./schemas.ts";

/** One endpoint of the Foyer API with its schemas: the server routes and validates by it. */
export interface RouteDef extends EndpointDef {
  /** One line for the OpenAPI document. */
  summary: string;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
}

/**
 * Every endpoint of `endpoints` with its query, body and response schemas. The server
 * validates requests and the client parses answers with these; OpenAPI is made from them.
 */
export const routes = {
  getContext: {
    ...endpoints.getContext,
    summary: "Who the actor is and which tenants it manages",
    response: SessionContextSchema,
  },
  listTenantRoles: {
    ...endpoints.listTenantRoles,
    summary: "Roles of a tenant, each marked whether the actor may grant it",
    response: TenantRolesSchema,
  },
  listTenantEvents: {
    ...endpoints.listTenantEvents,
    summary: "The tenant's audit trail, newest first",
    query: AuditQuerySchema,
    response: AuditPageSchema,
  },
  listInvitations: {
    ...endpoints.listInvitations,
    summary: "List invitations with status filter, search, sort and cursor pages",
    query: ListInvitationsQuerySchema,
    response: InvitationPageSchema,
  },
  createInvitations: {
    ...endpoints.createInvitations,
    summary: "Invite one or many addresses (or preview with dryRun)",
    body: CreateInvitationsBodySchema,
    response: BatchResultSchema,
  },
  getInvitation: {
    ...endpoints.getInvitation,
    summary: "One invitation",
    response: InvitationResultSchema,
  },
  listInvitationEvents: {
    ...endpoints.listInvitationEvents,
    summary: "The invitation's audit trail, newest first",
    query: AuditQuerySchema,
    response: AuditPageSchema,
  },
  resendInvitation: {
    ...endpoints.resendInvitation,
    summary: "Issue a new token and expiry; earlier links stop working",
    body: ResendInvitationBodySchema,
    response: ResendResultSchema,
  },
  revokeInvitation: {
    ...endpoints.revokeInvitation,
    summary: "Revoke a pending or expired invitation, at once and for good",
    body: RevokeInvitationBodySchema,
    response: InvitationResultSchema,
  },
  copyInvitationLink: {
    ...endpoints.copyInvitationLink,
    summary: "The pending invitation's current link again, recomputed and audited",
    body: CopyInvitationLinkBodySchema,
    response: InvitationLinkResultSchema,
  },
  previewInvitation: {
    ...endpoints.previewInvitation,
    summary: "What the invitee's page shows; never consumes the token",
    body: TokenBodySchema,
    response: InvitationPreviewSchema,
  },
  acceptInvitation: {
    ...endpoints.acceptInvitation,
    summary: "Create the account and accept the invitation, in one transaction",
    body: AcceptInvitationBodySchema,
    response: AcceptResultSchema,
  },
  getInviteLink: {
    ...endpoints.getInviteLink,
    summary: "The tenant's invite link: its settings, state and URL to copy",
    response: InviteLinkResultSchema,
  },
  updateInviteLink: {
    ...endpoints.updateInviteLink,
    summary: "Turn the invite link on or off, or change its role, domains, expiry or limit",
    body: UpdateInviteLinkBodySchema,
    response: InviteLinkResultSchema,
  },
  regenerateInviteLink: {
    ...endpoints.regenerateInviteLink,
    summary: "Retire the invite link's token for good and issue a new one",
    body: RegenerateInviteLinkBodySchema,
    response: InviteLinkResultSchema,
  },
  previewInviteLink: {
    ...endpoints.previewInviteLink,
    summary: "What the join page shows for an invite link token, joinable or not",
    body: TokenBodySchema,
    response: InviteLinkPreviewSchema,
  },
  joinWithInviteLink: {
    ...endpoints.joinWithInviteLink,
    summary: "Create an account and membership through an invite link, in one transaction",
    body: JoinBodySchema,
    response: JoinResultSchema,
  },
  startIdentityJoin: {
    ...endpoints.startIdentityJoin,
    summary: "Start a sign-up through an invite link with an identity provider (OpenID Connect)",
    body: StartIdentityJoinBodySchema,
    response: StartIdentityJoinResultSchema,
  },
  startIdentityAccept: {
    ...endpoints.startIdentityAccept,
    summary:
      "Start accepting a per-email invitation with an identity provider (OpenID Connect); the provider's verified address must be the invited one",
    body: StartIdentityJoinBodySchema,
    response: StartIdentityJoinResultSchema,
  },
  verifyEmail: {
    ...endpoints.verifyEmail,
    summary: "Verify an account's email address with the token from its verification email",
    body: TokenBodySchema,
    response: VerifyEmailResultSchema,
  },
  resendVerificationEmail: {
    ...endpoints.resendVerificationEmail,
    summary: "Send a new verification email; answers the same whether or not the address exists",
    body: ResendVerificationBodySchema,
    response: ResendVerificationResultSchema,
  },
} as const satisfies Record<RouteName, RouteDef>;

/** What an endpoint answers on success, as its response schema parses it. */
export type RouteResponse<N extends RouteName> = z.output<(typeof routes)[N]["response"]>;

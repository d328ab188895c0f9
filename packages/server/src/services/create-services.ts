import type { FoyerServices } from "../types.ts";
import type { ServiceContext } from "./context.ts";
import { resendVerificationEmail } from "./email-verification/resend.ts";
import { verifyEmail } from "./email-verification/verify.ts";
import { completeIdentityFlow } from "./identity-sign-up/complete.ts";
import { startIdentityAccept, startIdentityJoin } from "./identity-sign-up/start.ts";
import { acceptInvitation } from "./invitations/accept.ts";
import { copyInvitationLink } from "./invitations/copy-link.ts";
import { createInvitations } from "./invitations/create.ts";
import { listInvitationEvents } from "./invitations/events.ts";
import { recordExpirations } from "./invitations/expire.ts";
import { getInvitation } from "./invitations/get.ts";
import { listInvitations } from "./invitations/list.ts";
import { previewInvitation } from "./invitations/preview.ts";
import { sendReminders } from "./invitations/remind.ts";
import { resendInvitation } from "./invitations/resend.ts";
import { revokeInvitation } from "./invitations/revoke.ts";
import { getInviteLink } from "./invite-links/get.ts";
import { joinWithInviteLink } from "./invite-links/join.ts";
import { previewInviteLink } from "./invite-links/preview.ts";
import { regenerateInviteLink } from "./invite-links/regenerate.ts";
import { updateInviteLink } from "./invite-links/update.ts";
import { getContext } from "./tenants/get-context.ts";
import { listTenantEvents } from "./tenants/list-tenant-events.ts";
import { listTenantRoles } from "./tenants/list-tenant-roles.ts";

/**
 * The business rules of Foyer, written once. Every method authorises its actor, validates
 * its input, and does its writes in one transaction; each lives in its own file under
 * `services/<resource>/` and shares what it needs through the `ServiceContext`.
 */
export function createServices(ctx: ServiceContext): FoyerServices {
  return {
    getContext: (actor) => getContext(ctx, actor),
    listTenantRoles: (actor, tenantId) => listTenantRoles(ctx, actor, tenantId),
    listTenantEvents: (actor, tenantId, query) => listTenantEvents(ctx, actor, tenantId, query),
    listInvitations: (actor, query) => listInvitations(ctx, actor, query),
    createInvitations: (actor, body) => createInvitations(ctx, actor, body),
    getInvitation: (actor, invitationId) => getInvitation(ctx, actor, invitationId),
    resendInvitation: (actor, invitationId, body) =>
      resendInvitation(ctx, actor, invitationId, body),
    revokeInvitation: (actor, invitationId) => revokeInvitation(ctx, actor, invitationId),
    copyInvitationLink: (actor, invitationId) => copyInvitationLink(ctx, actor, invitationId),
    listInvitationEvents: (actor, invitationId, query) =>
      listInvitationEvents(ctx, actor, invitationId, query),
    previewInvitation: (token) => previewInvitation(ctx, token),
    acceptInvitation: (body) => acceptInvitation(ctx, body),
    recordExpirations: (limit) => recordExpirations(ctx, limit),
    sendReminders: (limit) => sendReminders(ctx, limit),
    getInviteLink: (actor, tenantId) => getInviteLink(ctx, actor, tenantId),
    updateInviteLink: (actor, tenantId, body) => updateInviteLink(ctx, actor, tenantId, body),
    regenerateInviteLink: (actor, tenantId) => regenerateInviteLink(ctx, actor, tenantId),
    previewInviteLink: (token) => previewInviteLink(ctx, token),
    joinWithInviteLink: (body) => joinWithInviteLink(ctx, body),
    startIdentityJoin: (body) => startIdentityJoin(ctx, body),
    startIdentityAccept: (body) => startIdentityAccept(ctx, body),
    completeIdentityFlow: (input) => completeIdentityFlow(ctx, input),
    verifyEmail: (token) => verifyEmail(ctx, token),
    resendVerificationEmail: (body) => resendVerificationEmail(ctx, body),
  };
}

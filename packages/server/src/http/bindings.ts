import { type Actor, type RouteName, type RouteParams, routes } from "@foyer/core";
import { FoyerServiceError } from "../errors.ts";
import { parseInput } from "../services/validate.ts";
import type { FoyerHooks, FoyerServices, IdentityJoinStart } from "../types.ts";
import type { Outcome } from "./idempotency.ts";
import { stateCookie } from "./identity-cookie.ts";

// Internal to the handler (not exported from the package): one binding per route of core's
// table, from the HTTP call to its service method. A route added to core without a binding
// here is a compile error, and so is a path parameter its path does not have.

/** A matched call, before validation; `params` are the route's own path parameters. */
export interface RouteCall<N extends RouteName> {
  actor: Actor | null;
  params: RouteParams<N>;
  body: unknown;
  query: unknown;
  request: Request;
}

/** What bindings use besides the call. */
export interface BindingContext {
  services: FoyerServices;
  signIn: FoyerHooks["signIn"];
  /** Called when the host's `signIn` hook throws after an accept, a join or a verification. */
  onSignInError: () => void;
}

/**
 * Validates a call's input with its route's schemas (at once, before any idempotency record
 * or service runs) and answers the function that runs the service.
 */
export type RouteBinding<N extends RouteName> = (
  call: RouteCall<N>,
  context: BindingContext,
) => () => Promise<Outcome>;

/** The signed-in actor, or 401. */
export function needActor(actor: Actor | null): Actor {
  if (!actor) throw new FoyerServiceError("UNAUTHENTICATED");
  return actor;
}

// The same validation the services run, so a field error reads alike at both layers.
const parse = parseInput;

/** Every route's binding, by route name. */
export const routeBindings: { readonly [N in RouteName]: RouteBinding<N> } = {
  getContext(call, { services }) {
    const actor = needActor(call.actor);
    return async () => ({ body: await services.getContext(actor) });
  },

  listTenantRoles(call, { services }) {
    const actor = needActor(call.actor);
    const { tenantId } = call.params;
    return async () => ({ body: await services.listTenantRoles(actor, tenantId) });
  },

  listTenantEvents(call, { services }) {
    const actor = needActor(call.actor);
    const query = parse(routes.listTenantEvents.query, call.query);
    const { tenantId } = call.params;
    return async () => ({ body: await services.listTenantEvents(actor, tenantId, query) });
  },

  listInvitations(call, { services }) {
    const actor = needActor(call.actor);
    const query = parse(routes.listInvitations.query, call.query);
    return async () => ({ body: await services.listInvitations(actor, query) });
  },

  createInvitations(call, { services }) {
    const actor = needActor(call.actor);
    const body = parse(routes.createInvitations.body, call.body);
    return async () => {
      const result = await services.createInvitations(actor, body);
      // A replay must not hand out plaintext links: they exist only in this one answer
      // and are never stored (R-INV-10, R-INV-11).
      const kept = {
        ...result,
        created: result.created.map((entry) => ({ ...entry, link: null })),
      };
      return { body: result, kept };
    };
  },

  getInvitation(call, { services }) {
    const actor = needActor(call.actor);
    const { invitationId } = call.params;
    return async () => ({ body: await services.getInvitation(actor, invitationId) });
  },

  listInvitationEvents(call, { services }) {
    const actor = needActor(call.actor);
    const query = parse(routes.listInvitationEvents.query, call.query);
    const { invitationId } = call.params;
    return async () => ({
      body: await services.listInvitationEvents(actor, invitationId, query),
    });
  },

  resendInvitation(call, { services }) {
    const actor = needActor(call.actor);
    const body = parse(routes.resendInvitation.body, call.body);
    const { invitationId } = call.params;
    return async () => {
      const result = await services.resendInvitation(actor, invitationId, body);
      return { body: result, kept: { ...result, link: null } };
    };
  },

  revokeInvitation(call, { services }) {
    const actor = needActor(call.actor);
    parse(routes.revokeInvitation.body, call.body);
    const { invitationId } = call.params;
    return async () => ({ body: await services.revokeInvitation(actor, invitationId) });
  },

  copyInvitationLink(call, { services }) {
    const actor = needActor(call.actor);
    parse(routes.copyInvitationLink.body, call.body);
    const { invitationId } = call.params;
    return async () => ({ body: await services.copyInvitationLink(actor, invitationId) });
  },

  previewInvitation(call, { services }) {
    const body = parse(routes.previewInvitation.body, call.body);
    return async () => ({ body: await services.previewInvitation(body.token) });
  },

  acceptInvitation(call, { services, signIn, onSignInError }) {
    const body = parse(routes.acceptInvitation.body, call.body);
    return async () => {
      const result = await services.acceptInvitation(body);
      if (result.next !== "signed_in" || !signIn) return { body: result };
      try {
        const init = await signIn(
          { id: result.user.id, email: result.user.email, tenantId: result.tenantId },
          call.request,
        );
        return { body: result, headers: new Headers(init) };
      } catch {
        // The account exists and the invitation is used: answering an error now would
        // send the invitee to an "already used" page. They can still sign in normally.
        onSignInError();
        return { body: result };
      }
    };
  },

  getInviteLink(call, { services }) {
    const actor = needActor(call.actor);
    const { tenantId } = call.params;
    return async () => ({ body: await services.getInviteLink(actor, tenantId) });
  },

  updateInviteLink(call, { services }) {
    const actor = needActor(call.actor);
    const body = parse(routes.updateInviteLink.body, call.body);
    const { tenantId } = call.params;
    return async () => ({ body: await services.updateInviteLink(actor, tenantId, body) });
  },

  regenerateInviteLink(call, { services }) {
    const actor = needActor(call.actor);
    parse(routes.regenerateInviteLink.body, call.body);
    const { tenantId } = call.params;
    return async () => ({ body: await services.regenerateInviteLink(actor, tenantId) });
  },

  previewInviteLink(call, { services }) {
    const body = parse(routes.previewInviteLink.body, call.body);
    return async () => ({ body: await services.previewInviteLink(body.token) });
  },

  joinWithInviteLink(call, { services, signIn, onSignInError }) {
    const body = parse(routes.joinWithInviteLink.body, call.body);
    return async () => {
      const result = await services.joinWithInviteLink(body);
      if (result.next !== "signed_in" || !signIn) return { body: result };
      const headers = await signInAfter(signIn, onSignInError, result, call.request);
      return headers ? { body: result, headers } : { body: result };
    };
  },

  startIdentityJoin(call, { services }) {
    const body = parse(routes.startIdentityJoin.body, call.body);
    return () => startedFlow(services.startIdentityJoin(body));
  },

  startIdentityAccept(call, { services }) {
    const body = parse(routes.startIdentityAccept.body, call.body);
    return () => startedFlow(services.startIdentityAccept(body));
  },

  verifyEmail(call, { services, signIn, onSignInError }) {
    const body = parse(routes.verifyEmail.body, call.body);
    return async () => {
      const result = await services.verifyEmail(body.token);
      if (!signIn) return { body: result };
      const headers = await signInAfter(signIn, onSignInError, result, call.request);
      // Signed in only when the host set something (a cookie); else the person signs in.
      return headers && [...headers.keys()].length > 0
        ? { body: { ...result, next: "signed_in" as const }, headers }
        : { body: result };
    };
  },

  resendVerificationEmail(call, { services }) {
    const body = parse(routes.resendVerificationEmail.body, call.body);
    return async () => ({ body: await services.resendVerificationEmail(body) });
  },
};

/** A started identity flow: the provider's URL, and the cookie binding the state to the browser. */
async function startedFlow(start: Promise<IdentityJoinStart>): Promise<Outcome> {
  const started = await start;
  const cookie = stateCookie(started.state, {
    secure: started.secureCookie,
    maxAgeSeconds: started.maxAgeSeconds,
  });
  return {
    body: { authorizationUrl: started.authorizationUrl },
    headers: new Headers({ "Set-Cookie": cookie }),
  };
}

/**
 * Runs the host's `signIn` after an account came to exist or was verified. A failing hook
 * is logged, not answered: the account is there, and the person can still sign in normally.
 */
async function signInAfter(
  signIn: NonNullable<FoyerHooks["signIn"]>,
  onSignInError: () => void,
  result: { user: { id: string; email: string }; tenantId: string },
  request: Request,
): Promise<Headers | undefined> {
  try {
    const init = await signIn(
      { id: result.user.id, email: result.user.email, tenantId: result.tenantId },
      request,
    );
    return new Headers(init);
  } catch {
    onSignInError();
    return undefined;
  }
}

/** Binds a matched call to its route's service method (validating its input now). */
export function bindRoute<N extends RouteName>(
  name: N,
  call: RouteCall<N>,
  context: BindingContext,
): () => Promise<Outcome> {
  const binding: RouteBinding<N> = routeBindings[name];
  return binding(call, context);
}

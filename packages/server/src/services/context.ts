import {
  type Actor,
  DEFAULT_PASSWORD_POLICY,
  emailKey,
  type IdentityProvider,
  type PasswordPolicy,
  type Tenant,
} from "@foyer/core";
import type { AuditRow, InvitationRow, Store, StoreTx } from "../store/types.ts";
import type { TokenKeyring } from "../tokens/keyring.ts";
import { hashToken, newId } from "../tokens.ts";
import type { FoyerHooks, HostUser, IdentitySignUp, Logger, PasswordHasher } from "../types.ts";
import { type Access, resolveAccess } from "./access.ts";
import { toAuditEvent } from "./mapping.ts";

/** What the services need; `createFoyer` fills it from `FoyerOptions`. */
export interface ServiceDeps {
  store: Store;
  hooks: FoyerHooks;
  now: () => Date;
  publicBaseUrl: string;
  acceptPath: string;
  passwordHasher: PasswordHasher;
  keyring: TokenKeyring;
  passwordPolicy?: PasswordPolicy;
  productName: string;
  logger: Logger;
  /** Path of the join page below the base URL (token in the fragment). @default "/join" */
  joinPath?: string;
  /** Path of the verify-email page below the base URL. @default "/verify-email" */
  verifyEmailPath?: string;
  /** The host's pages the join page links to. */
  joinPage?: JoinPageLinks;
  /** Per-email accepts verify the address too (R-INV-12's verification branch). */
  verifyInvitedEmails?: boolean;
  /** Sign-up with identity providers (R-LNK-06); its providers are offered on the join page. */
  identitySignUp?: IdentitySignUp;
}

/** Where the join page's terms, privacy and sign-in links point (R-LNK-06). */
export interface JoinPageLinks {
  /** @example "https://app.example.com/terms" */
  termsUrl?: string;
  /** @example "https://app.example.com/privacy" */
  privacyUrl?: string;
  /** Where people who already have an account sign in. @example "https://app.example.com/sign-in" */
  signInUrl?: string;
}

/** An audit row before it gets its id (and, unless given, its time and data). */
export type AuditInput = Omit<AuditRow, "id" | "at" | "data"> & {
  at?: Date;
  data?: Record<string, unknown>;
};

/**
 * What every service shares: the dependencies and the cross-resource helpers (access,
 * audit, seats, host users, links). Each service is a function of this context and its
 * input, in its own file under `services/<resource>/`; a new resource's services hang their
 * shared needs here.
 */
export interface ServiceContext {
  readonly store: Store;
  readonly hooks: FoyerHooks;
  readonly now: () => Date;
  readonly logger: Logger;
  readonly passwordHasher: PasswordHasher;
  /** Derives tokens from the server secrets (only their hashes are stored). */
  readonly keyring: TokenKeyring;
  readonly passwordPolicy: PasswordPolicy;
  /** Product name used in emails. */
  readonly productName: string;
  /** The server's public base URL (origin): links and email assets when a tenant has no `inviteBaseUrl`. */
  readonly publicBaseUrl: string;
  /** The actor's role and the tenants in its scope (R-TEN-03); 403 for unknown actors. */
  access(actor: Actor): Promise<Access>;
  /** A new audit row (R-INV-14), at `now()` unless given. */
  audit(row: AuditInput): AuditRow;
  /** Hands committed audit rows to the host's `onEvent`; a failing hook is logged, never thrown. */
  emit(rows: AuditRow[]): Promise<void>;
  /**
   * The host's users with these addresses, active or not (R-INV-04); the hooks are asked
   * with `emailKey` forms and the answers carry them too, so callers compare by equality.
   */
  lookupUsers(emails: string[]): Promise<HostUser[]>;
  /**
   * Seats left in the tenant inside the transaction: the limit less active members and
   * live pending invitations (R-INV-05); null when the tenant has no limit.
   */
  seatsLeft(tx: StoreTx, tenant: Tenant, at: Date): Promise<number | null>;
  /** The invitee link for a token, built from configured URLs only (R-INV-15). */
  inviteLink(tenant: Pick<Tenant, "inviteBaseUrl">, token: string): string;
  /**
   * A new invitation token for a generation under the current key (R-EML-04): the token,
   * its hash (the only thing stored) and the key id to store on the invitation.
   */
  issueInvitationToken(invitationId: string, generation: number): Promise<IssuedToken>;
  /**
   * Recomputes an invitation's current token from its key id and generation; null when it
   * cannot be (a row from before derived tokens, or its key was retired).
   */
  invitationToken(
    row: Pick<InvitationRow, "id" | "tokenKid" | "tokenGeneration">,
  ): Promise<string | null>;
  /** The join page URL of an invite link token, from configured URLs only (R-INV-15). */
  joinLink(tenant: Pick<Tenant, "inviteBaseUrl">, token: string): string;
  /** The verify-email page URL of a verification token, from configured URLs only. */
  verificationLink(tenant: Pick<Tenant, "inviteBaseUrl">, token: string): string;
  /** The host's pages the join page links to. */
  readonly joinPage: JoinPageLinks;
  /** Whether per-email accepts must verify the address before signing in. */
  readonly verifyInvitedEmails: boolean;
  /** The identity providers that serve a tenant, as its join and accept pages offer them. */
  providersFor(tenantId: string): IdentityProvider[];
  /** Sign-up with identity providers, when the host configured it. */
  readonly identitySignUp: IdentitySignUp | null;
}

/** A freshly derived token. */
export interface IssuedToken {
  token: string;
  hash: string;
  kid: string;
}

/** Builds the invitee link from configured URLs only, never from request headers (R-INV-15). */
export function buildInviteLink(
  tenant: Pick<Tenant, "inviteBaseUrl">,
  publicBaseUrl: string,
  acceptPath: string,
  token: string,
): string {
  const base = (tenant.inviteBaseUrl ?? publicBaseUrl).replace(/\/+$/, "");
  return `${base}${acceptPath}#token=${token}`;
}

/** The actor fields of an audit row; all null for the system. */
export function actorRef(actor: Actor | null) {
  return {
    actorId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    actorName: actor?.name ?? null,
  };
}

/** Creates the context the services share. */
/**
 * R-INV-05: seats left in a tenant with `taken` seats taken (active members plus pending
 * invitations); null without a seat limit.
 */
export function seatsLeftOf(tenant: Tenant, taken: number): number | null {
  if (tenant.seatLimit === null) return null;
  return Math.max(0, tenant.seatLimit - taken);
}

export function createServiceContext(deps: ServiceDeps): ServiceContext {
  const { store, hooks, now, logger } = deps;
  return {
    store,
    hooks,
    now,
    logger,
    passwordHasher: deps.passwordHasher,
    keyring: deps.keyring,
    passwordPolicy: deps.passwordPolicy ?? DEFAULT_PASSWORD_POLICY,
    productName: deps.productName,
    publicBaseUrl: deps.publicBaseUrl,

    access: (actor) => resolveAccess(store, actor),

    audit(row) {
      return { id: newId(), at: row.at ?? now(), data: row.data ?? {}, ...row };
    },

    async emit(rows) {
      if (!hooks.onEvent) return;
      for (const row of rows) {
        try {
          await hooks.onEvent(toAuditEvent(row));
        } catch (error) {
          logger.error("onEvent hook failed", { action: row.action, error: String(error) });
        }
      }
    },

    async lookupUsers(emails) {
      if (emails.length === 0) return [];
      // R-INV-04: the host is asked with, and its answers compared under, core's one form.
      const wanted = [...new Set(emails.map(emailKey))];
      let found: HostUser[];
      if (hooks.findUsersByEmails) {
        found = await hooks.findUsersByEmails(wanted);
      } else if (hooks.findUserByEmail) {
        const find = hooks.findUserByEmail;
        const each = await Promise.all(wanted.map((email) => find(email)));
        found = each.filter((user): user is HostUser => user !== null);
      } else {
        return [];
      }
      return found.map((user) => ({ ...user, email: emailKey(user.email) }));
    },

    async seatsLeft(tx, tenant, at) {
      if (tenant.seatLimit === null) return null;
      const [members, pending] = await Promise.all([
        tx.countActiveMembers(tenant.id),
        tx.countPendingInvitations(tenant.id, at),
      ]);
      return seatsLeftOf(tenant, members + pending);
    },

    inviteLink: (tenant, token) =>
      buildInviteLink(tenant, deps.publicBaseUrl, deps.acceptPath, token),
    joinLink: (tenant, token) =>
      buildInviteLink(tenant, deps.publicBaseUrl, deps.joinPath ?? "/join", token),
    verificationLink: (tenant, token) =>
      buildInviteLink(tenant, deps.publicBaseUrl, deps.verifyEmailPath ?? "/verify-email", token),
    joinPage: deps.joinPage ?? {},
    verifyInvitedEmails: deps.verifyInvitedEmails ?? false,
    providersFor: (tenantId) =>
      (deps.identitySignUp?.providers ?? [])
        .filter((provider) => provider.tenantIds?.includes(tenantId) ?? true)
        .map(({ id, name }) => ({ id, name })),
    identitySignUp: deps.identitySignUp ?? null,

    async issueInvitationToken(invitationId, generation) {
      const { keyring } = deps;
      const token = await keyring.derive("invitation", invitationId, generation);
      return { token, hash: await hashToken(token), kid: keyring.currentKid };
    },

    async invitationToken(row) {
      if (row.tokenKid === null || !deps.keyring.has(row.tokenKid)) return null;
      return deps.keyring.derive("invitation", row.id, row.tokenGeneration, row.tokenKid);
    },
  };
}

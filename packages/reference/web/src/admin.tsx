import "@foyer/react/styles.css";
import "./demo.css";
import { isFoyerError } from "@foyer/client";
import type { SessionContext } from "@foyer/core";
import {
  BulkInviteModal,
  contextQueryOptions,
  FoyerProvider,
  InvitationsTable,
  InviteLinkDialog,
} from "@foyer/react";
import { QueryClient, useQuery } from "@tanstack/react-query";
import { type ReactNode, StrictMode, useId, useState } from "react";
import { createRoot } from "react-dom/client";
import { hasDevMailbox } from "./dev-mailbox.ts";
import { cspNonce, foyerClient } from "./foyer-client.ts";
import { signInUrl } from "./paths.ts";

// `/admin`: the demo host app's team settings. The server sends people without a session to
// `/login?next=/admin` before this page loads; the page itself only talks to `/api/foyer`.

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, staleTime: 30_000 } },
});

/**
 * The host's departments and teams, offered when inviting (seed 002 pre-assigns both). A
 * real host reads them from its own directory; the demo has one list for every tenant.
 */
const DEPARTMENTS = ["Engineering", "Finance", "Operations", "Sales"];
const TEAMS = ["Platform", "Support", "Security", "Onboarding"];

/** `""` stands for "all organisations" (an MSP admin's combined list). */
const ALL_TENANTS = "";

function tenantFromUrl(): string | null {
  return new URLSearchParams(location.search).get("tenant");
}

function rememberTenant(tenantId: string): void {
  const url = new URL(location.href);
  if (tenantId === ALL_TENANTS) url.searchParams.delete("tenant");
  else url.searchParams.set("tenant", tenantId);
  history.replaceState(history.state, "", `${url.pathname}${url.search}`);
}

async function signOut(): Promise<void> {
  // JSON, like every state change of the app (R-SEC-01), though the body is empty.
  await fetch("/logout", {
    method: "POST",
    headers: { "content-type": "application/json" },
    credentials: "same-origin",
  }).catch(() => undefined);
  queryClient.clear();
  location.assign("/login");
}

function Shell({ context, children }: { context?: SessionContext; children: ReactNode }) {
  const own = context?.tenants.find((t) => t.tenant.id === context.actor.tenantId)?.tenant;
  return (
    <>
      <header className="app-header">
        <a className="brand" href="/">
          <span className="brand__mark" aria-hidden="true">
            F
          </span>
          Foyer demo
        </a>
        <nav className="app-header__nav" aria-label="Main">
          <a href="/admin" aria-current="page">
            Team
          </a>
          {context && context.role.permissions.length > 0 && <a href="/admin/api-keys">API keys</a>}
          {hasDevMailbox && <a href="/dev/mailbox">Dev mailbox</a>}
        </nav>
        {context && (
          <div className="app-header__user">
            <span className="app-header__who">
              <strong>{context.actor.name ?? context.actor.email}</strong>
              <span className="muted">
                {context.role.name}
                {own ? ` · ${own.name}` : ""}
              </span>
            </span>
            <button type="button" className="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        )}
      </header>
      <main className="app-main">{children}</main>
    </>
  );
}

function AdminPage() {
  const context = useQuery(contextQueryOptions(foyerClient));
  if (context.isPending) {
    return (
      <Shell>
        <div className="panel panel--loading" aria-busy="true">
          <p role="status">Loading your workspace…</p>
        </div>
      </Shell>
    );
  }
  if (context.isError) {
    if (isFoyerError(context.error) && context.error.code === "UNAUTHENTICATED") {
      location.assign(signInUrl());
      return null;
    }
    return (
      <Shell>
        <div className="panel" role="alert">
          <h1>Your workspace could not be loaded</h1>
          <p className="muted">
            {context.error instanceof Error ? context.error.message : "Something went wrong."}
          </p>
          <button type="button" className="button" onClick={() => void context.refetch()}>
            Retry
          </button>
        </div>
      </Shell>
    );
  }
  return (
    <Shell context={context.data}>
      <TeamInvitations context={context.data} />
    </Shell>
  );
}

function TeamInvitations({ context }: { context: SessionContext }) {
  const pickerId = useId();
  const readable = context.tenants.filter((t) => t.permissions.includes("invitations:read"));
  const canInvite = context.role.permissions.includes("invitations:create");
  const multi = readable.length > 1;
  const [tenantId, setTenantId] = useState<string>(() => {
    const wanted = tenantFromUrl();
    if (wanted !== null && readable.some((t) => t.tenant.id === wanted)) return wanted;
    return multi ? ALL_TENANTS : (readable[0]?.tenant.id ?? ALL_TENANTS);
  });
  const [inviteOpen, setInviteOpen] = useState(false);

  if (readable.length === 0) {
    return (
      <div className="panel">
        <h1>Team</h1>
        <p>
          You are signed in as <strong>{context.actor.email}</strong> ({context.role.name}). This
          role does not manage invitations; sign in as one of the demo admins to try them.
        </p>
        <p>
          <a href="/">Back to the home page</a>
        </p>
      </div>
    );
  }

  const chosenTenant = readable.find((t) => t.tenant.id === tenantId);
  const chosen = chosenTenant?.tenant;
  // R-LNK-01: one link per organisation, for people who may manage it (seed 001: an
  // "Invite link" button beside the add-users button). Not in the all-organisations view.
  const linkButton =
    chosen && chosenTenant.permissions.includes("invite_links:manage") ? (
      <InviteLinkDialog
        key={`link-${chosen.id}`}
        tenantId={chosen.id}
        tenantName={chosen.name}
        trigger={
          <button type="button" className="button" data-testid="invite-link">
            Invite link
          </button>
        }
      />
    ) : null;
  // Named like the dialog it opens. The table shows it once: in its header, or in its empty
  // state when there is nothing to list yet.
  const inviteButton =
    canInvite || linkButton ? (
      <>
        {linkButton}
        {canInvite && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setInviteOpen(true)}
            data-testid="invite-users"
          >
            Invite users
          </button>
        )}
      </>
    ) : null;

  return (
    <>
      <div className="page-heading">
        <div>
          <h1>Team invitations</h1>
          <p className="muted">
            {chosen
              ? `Invite people to ${chosen.name} and follow their invitations.`
              : `Every invitation of the ${readable.length} organisations you manage.`}
            {hasDevMailbox && (
              <>
                {" "}
                Emails go to the <a href="/dev/mailbox">development mailbox</a>.
              </>
            )}
          </p>
        </div>
        <div className="field field--inline page-heading__picker">
          <label htmlFor={pickerId}>Organisation</label>
          <select
            id={pickerId}
            className="select"
            value={tenantId}
            onChange={(event) => {
              setTenantId(event.target.value);
              rememberTenant(event.target.value);
            }}
          >
            {multi && <option value={ALL_TENANTS}>All organisations</option>}
            {readable.map(({ tenant }) => (
              <option key={tenant.id} value={tenant.id}>
                {tenant.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section className="panel panel--table" aria-label="Invitations">
        <InvitationsTable
          key={tenantId || "all"}
          {...(tenantId !== ALL_TENANTS ? { tenantId } : {})}
          actions={inviteButton}
          emptyActions={inviteButton}
        />
      </section>
      {canInvite && (
        <BulkInviteModal
          key={`invite-${tenantId || "all"}`}
          open={inviteOpen}
          onOpenChange={setInviteOpen}
          departments={DEPARTMENTS}
          teams={TEAMS}
          {...(tenantId !== ALL_TENANTS
            ? { tenantId }
            : { defaultTenantId: context.actor.tenantId })}
        />
      )}
    </>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <FoyerProvider client={foyerClient} queryClient={queryClient} nonce={cspNonce}>
        <AdminPage />
      </FoyerProvider>
    </StrictMode>,
  );
}

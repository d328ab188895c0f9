import "./demo.css";
import { type FormEvent, StrictMode, useCallback, useEffect, useId, useState } from "react";
import { createRoot } from "react-dom/client";
import { hasDevMailbox } from "./dev-mailbox.ts";
import { signInUrl } from "./paths.ts";

// `/admin/api-keys`: a signed-in admin's API keys for machine clients (R-SDK-09). A new key
// is shown once, right after it is made; afterwards only its name and first characters.

interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface ErrorBody {
  error?: { message?: string };
}

/** A JSON call to the app's own API, the way every state change of the app is sent. */
async function api<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: method === "POST" ? { "content-type": "application/json" } : {},
    ...(method === "POST" ? { body: JSON.stringify(body ?? {}) } : {}),
  });
  if (response.status === 401) {
    location.assign(signInUrl());
    throw new Error("Sign in to continue.");
  }
  const answer = (await response.json()) as T & ErrorBody;
  if (!response.ok)
    throw new Error(answer.error?.message ?? `The request failed (${response.status}).`);
  return answer;
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const when = (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : "Never");

function NewKey({ secret, onDone }: { secret: string; onDone(): void }) {
  const [copied, setCopied] = useState(false);
  const example = [
    `curl -X POST ${location.origin}/api/invites \\`,
    `  -H "Authorization: Bearer ${secret}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '{"email":"alice@acme.example","name":"Alice Smith","role_id":"client_user","tenant_id":"acme","expires_hours":72}'`,
  ].join("\n");
  return (
    <section
      className="panel api-key-secret"
      aria-labelledby="new-key-title"
      data-testid="new-api-key"
    >
      <h2 id="new-key-title">Copy your new key now</h2>
      <p>
        You will not see it again: only its hash is stored. Keep it where your scripts read secrets.
      </p>
      <div className="api-key-secret__row">
        <code className="api-key-secret__value" data-testid="api-key-value">
          {secret}
        </code>
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? "Copied" : "Copy key"}
        </button>
      </div>
      <p className="muted">Create an invitation with it:</p>
      <pre className="api-key-secret__example">{example}</pre>
      <button type="button" className="button" onClick={onDone}>
        Done
      </button>
    </section>
  );
}

function ApiKeysPage() {
  const nameId = useId();
  const [keys, setKeys] = useState<ApiKey[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setKeys((await api<{ keys: ApiKey[] }>("GET", "/api/keys")).keys);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The keys could not be loaded.");
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const made = await api<{ key: string; apiKey: ApiKey }>("POST", "/api/keys", { name });
      setSecret(made.key);
      setName("");
      await load();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The key could not be created.");
    } finally {
      setBusy(false);
    }
  };

  const revoke = async (key: ApiKey) => {
    if (!window.confirm(`Revoke “${key.name}”? Scripts that use it stop working at once.`)) return;
    setError(null);
    try {
      await api("POST", `/api/keys/${encodeURIComponent(key.id)}/revoke`);
      await load();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "The key could not be revoked.");
    }
  };

  return (
    <>
      <div className="page-heading">
        <div>
          <h1>API keys</h1>
          <p className="muted">
            Keys let scripts call <code>POST /api/invites</code> and the{" "}
            <a href="/api-docs">Foyer API</a> as you, with your role and organisations, in an{" "}
            <code>Authorization: Bearer</code> header.
          </p>
        </div>
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {secret && <NewKey secret={secret} onDone={() => setSecret(null)} />}
      <section className="panel" aria-labelledby="create-key-title">
        <h2 id="create-key-title">Create a key</h2>
        <form className="api-key-form" onSubmit={(event) => void create(event)}>
          <div className="field">
            <label htmlFor={nameId}>Name</label>
            <input
              id={nameId}
              value={name}
              maxLength={100}
              required
              placeholder="Provisioning script"
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <button type="submit" className="button button--primary" aria-disabled={busy}>
            Create key
          </button>
        </form>
      </section>
      <section className="panel" aria-labelledby="keys-title">
        <h2 id="keys-title">Your keys</h2>
        {keys === null ? (
          <p role="status">Loading your keys…</p>
        ) : keys.length === 0 ? (
          <p className="muted">No keys yet.</p>
        ) : (
          <div className="api-key-table-wrap">
            <table className="api-key-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Key</th>
                  <th scope="col">Created</th>
                  <th scope="col">Last used</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((key) => (
                  <tr key={key.id} data-state={key.revokedAt ? "revoked" : "active"}>
                    <td>{key.name}</td>
                    <td>
                      <code>{key.prefix}…</code>
                    </td>
                    <td>{when(key.createdAt)}</td>
                    <td>{when(key.lastUsedAt)}</td>
                    <td>{key.revokedAt ? `Revoked ${when(key.revokedAt)}` : "Active"}</td>
                    <td>
                      {!key.revokedAt && (
                        <button
                          type="button"
                          className="button"
                          aria-label={`Revoke ${key.name}`}
                          onClick={() => void revoke(key)}
                        >
                          Revoke
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

async function signOut(): Promise<void> {
  await fetch("/logout", {
    method: "POST",
    headers: { "content-type": "application/json" },
    credentials: "same-origin",
  }).catch(() => undefined);
  location.assign("/login");
}

function Page() {
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
          <a href="/admin">Team</a>
          <a href="/admin/api-keys" aria-current="page">
            API keys
          </a>
          {hasDevMailbox && <a href="/dev/mailbox">Dev mailbox</a>}
        </nav>
        <div className="app-header__user">
          <button type="button" className="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <main className="app-main api-keys-page">
        <ApiKeysPage />
      </main>
    </>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
}

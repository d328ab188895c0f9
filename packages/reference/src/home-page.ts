import type { EmailMode } from "./dev-mailbox.ts";
import { escapeHtml, type HtmlPage, htmlPage } from "./html-page.ts";
import type { SeededSignIn } from "./seed.ts";

/** The signed-in user the home page greets. */
export interface HomePageUser {
  name: string;
  email: string;
  tenantName: string;
  roleName: string;
  /** Whether the user's role reads invitations (so `/admin` has something to show). */
  canManageInvitations: boolean;
}

/** What the home page shows. */
export interface HomePageInput {
  publicBaseUrl: string;
  signIns: readonly SeededSignIn[];
  /** How email leaves the app (R-EML-03). */
  email: EmailMode;
  /** Where the data lives (no secrets). */
  database: string;
  /** The user of the request's session, if any. */
  user?: HomePageUser | null | undefined;
  /** Whether the development OpenID provider runs at /dev/oidc (R-LNK-06). */
  devOidc?: boolean | undefined;
}

function signedInBanner(user: HomePageUser): string {
  const next = user.canManageInvitations
    ? `<a href="/admin">Open team invitations</a>`
    : `This role does not manage invitations; sign out from the <a href="/admin">Team page</a> and sign in as an admin to invite people.`;
  return `<p class="banner" data-testid="signed-in">Signed in as <strong>${escapeHtml(user.name)}</strong>
(<code>${escapeHtml(user.email)}</code>), ${escapeHtml(user.roleName)} at ${escapeHtml(user.tenantName)}. ${next}</p>`;
}

/** The short HTML page at `/`: the demo flow, what runs where, and the seeded sign-ins. */
export function renderHomePage(input: HomePageInput): HtmlPage {
  const base = escapeHtml(input.publicBaseUrl);
  const rows = input.signIns
    .map(
      (s) =>
        `<tr><td><code>${escapeHtml(s.email)}</code></td><td><code>${escapeHtml(s.password)}</code></td>` +
        `<td>${escapeHtml(s.tenantName)}</td><td>${escapeHtml(s.roleName)}</td></tr>`,
    )
    .join("\n");
  const signIns =
    input.signIns.length > 0
      ? `<h2>Seeded sign-ins (demo passwords)</h2>
<table><thead><tr><th>Email</th><th>Password</th><th>Tenant</th><th>Role</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
      : "<p>No demo data was seeded.</p>";
  const mailbox =
    input.email === "mailbox"
      ? `<a href="/dev/mailbox">development mailbox</a>`
      : "mailbox of the invited address";
  return htmlPage({
    title: "Foyer reference app",
    css: `body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; } th, td { text-align: left; padding: .25rem .75rem .25rem 0; }
code { font-size: .9em; }
.banner { padding: .75rem 1rem; border: 1px solid #93c5fd; border-radius: 8px; background: #eff6ff; color: #1e3a8a; }
@media (prefers-color-scheme: dark) {
  body { background: #0f0f11; color: #fafafa; } a { color: #93c5fd; }
  .banner { background: #172554; color: #dbeafe; border-color: #1e40af; }
}`,
    body: `<main>
<h1>Foyer reference app</h1>
${input.user ? signedInBanner(input.user) : ""}
<p>The reference Express backend of Foyer and a small host app that uses its React components:
per-email invitations and tenant invite links. Data: ${escapeHtml(input.database)}.</p>
<h2>Try the whole flow in the browser</h2>
<ol>
<li>Open <a href="/admin"><code>${base}/admin</code></a> and sign in as an admin from the table below
(for example <code>alex@acme.example</code>, or <code>morgan@northwind.example</code> for every Northwind tenant).</li>
<li>Pick a tenant and click <strong>Invite people</strong>: type an address, choose a role and send.
The table lists the new pending invitation; resend or revoke it from its row menu.</li>
${
  input.email === "off"
    ? `<li>This server delivers no email (no <code>SMTP_URL</code>, no development mailbox): choose
<strong>Copy link</strong> in the invitation's row menu and open that link.</li>`
    : `<li>Open the ${mailbox} and the invitation's <strong>Open on this server</strong> link. (Acme Corp has its
own invite base URL, <code>https://acme.example.com</code>, so its emails point there; the mailbox offers the
same link on this server.)</li>`
}
<li>On <code>/accept-invite</code>, enter a first and last name and a strong password. The new member
is signed in and lands back on this page.</li>
</ol>
<h2>What runs where</h2>
<ul>
<li>Team invitations (admins): <a href="/admin"><code>${base}/admin</code></a>; sign-in page: <a href="/login"><code>${base}/login</code></a></li>
<li>Invitee page: <code>${base}/accept-invite#token=…</code> (the link in the invitation email)</li>
<li>Foyer API: <code>${base}/api/foyer</code>; API keys for scripts (admins): <a href="/admin/api-keys"><code>${base}/admin/api-keys</code></a>, used by <code>POST ${base}/api/invites</code></li>
<li>API reference: <a href="/api-docs"><code>${base}/api-docs</code></a> (the OpenAPI document, <a href="/openapi.json"><code>${base}/openapi.json</code></a>, rendered)</li>
<li>Sign in by API: <code>POST ${base}/login</code> with <code>{"email","password"}</code>; <code>GET ${base}/me</code>; <code>POST ${base}/logout</code></li>
${
  input.email === "mailbox"
    ? `<li>Development mailbox (every email the app sends): <a href="/dev/mailbox"><code>${base}/dev/mailbox</code></a> (a page in a browser, JSON otherwise)</li>`
    : ""
}${
  input.devOidc
    ? `
<li>Dev SSO, a development OpenID provider: <code>${base}/dev/oidc</code>. On an invite link's join page (Acme's, from the Team page's <strong>Invite link</strong>, opened on this server as <code>/join#token=…</code>), <strong>Continue with Dev SSO</strong> signs up with any email address at an allowed domain and any password; an address with <code>+unverified</code> comes back unverified and must verify it from the mailbox first. Globex has SSO: its invitees get <strong>Accept with Dev SSO</strong> instead of a password form, and must sign in there as the invited address.</li>`
    : ""
}
</ul>
${signIns}
</main>`,
  });
}

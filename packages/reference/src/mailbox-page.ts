import type { DevMailboxMessage } from "@foyer/server";
import { escapeHtml, type HtmlPage, htmlPage } from "./html-page.ts";

/** The pages a link with a token opens: invitations, invite links, verification emails. */
const TOKEN_PAGES = new Set(["/accept-invite", "/join", "/verify-email"]);

/**
 * An invitation, invite-link or verification link, opened on this server: its path and
 * fragment (`/accept-invite#token=…`, `/verify-email#token=…`), so links to a tenant's own
 * invite base URL (Acme: https://acme.example.com) still work in the demo. Null for other
 * links.
 */
export function localInviteLink(link: string): string | null {
  try {
    const url = new URL(link);
    return TOKEN_PAGES.has(url.pathname) && url.hash.startsWith("#token=")
      ? `${url.pathname}${url.hash}`
      : null;
  } catch {
    return null;
  }
}

/** `GET /dev/mailbox` in a browser: every email, newest first, with its links. */
export function renderMailboxPage(messages: readonly DevMailboxMessage[]): HtmlPage {
  const items = messages
    .map((m) => {
      const links = m.links
        .map((link) => {
          const local = localInviteLink(link);
          return `<li><code>${escapeHtml(link)}</code>${
            local ? ` <a class="open" href="${escapeHtml(local)}">Open on this server</a>` : ""
          }</li>`;
        })
        .join("");
      return `<li class="message">
<p><strong>${escapeHtml(m.subject)}</strong><br>
<span class="muted">To <code>${escapeHtml(m.to)}</code> · ${escapeHtml(m.sentAt.toISOString())}</span>
· <a href="/dev/mailbox/${encodeURIComponent(m.id)}">View email</a></p>
${links ? `<ul class="links">${links}</ul>` : ""}
</li>`;
    })
    .join("\n");
  return htmlPage({
    title: "Dev mailbox · Foyer demo",
    css: `body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
ol { list-style: none; padding: 0; } .message { border-bottom: 1px solid #e4e4e7; padding: .75rem 0; }
.message p { margin: 0 0 .25rem; } .muted { color: #52525b; } code { font-size: .85em; word-break: break-all; }
.links { margin: 0; padding-left: 1.25rem; } .open { white-space: nowrap; font-weight: 600; }
@media (prefers-color-scheme: dark) { body { background: #0f0f11; color: #fafafa; } a { color: #93c5fd; } .muted { color: #a1a1aa; } .message { border-color: #3f3f46; } }`,
    body: `<nav aria-label="Demo"><p><a href="/">Home</a> · <a href="/admin">Team invitations</a></p></nav>
<main>
<h1>Development mailbox</h1>
<p class="muted">Every email the app sent since it started, newest first. The same list is JSON for
programs (<code>curl /dev/mailbox</code>). Reload to see new messages.</p>
${messages.length > 0 ? `<ol>${items}</ol>` : "<p>No emails yet.</p>"}
</main>`,
  });
}

import { escapeHtml } from "@foyer/server";
import type { SeededSignIn } from "./seed.ts";

/** What the home page shows. */
export interface HomePageInput {
  publicBaseUrl: string;
  signIns: readonly SeededSignIn[];
  devMailbox: boolean;
  /** Where the data lives (no secrets). */
  database: string;
}

/** The short HTML page at `/`: what runs where, and the seeded sign-ins. */
export function renderHomePage(input: HomePageInput): string {
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
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Foyer reference app</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; } th, td { text-align: left; padding: .25rem .75rem .25rem 0; }
code { font-size: .9em; }
</style>
</head>
<body>
<h1>Foyer reference app</h1>
<p>The reference Express backend of Foyer: per-email invitations and tenant invite links.
Data: ${escapeHtml(input.database)}.</p>
<ul>
<li>Foyer API: <code>${base}/api/foyer</code></li>
<li>OpenAPI document: <a href="/openapi.json"><code>${base}/openapi.json</code></a></li>
<li>Sign in: <code>POST ${base}/login</code> with <code>{"email","password"}</code>; <code>GET ${base}/me</code>; <code>POST ${base}/logout</code></li>
${
  input.devMailbox
    ? `<li>Development mailbox (every email the app sends): <a href="/dev/mailbox"><code>${base}/dev/mailbox</code></a></li>`
    : ""
}
</ul>
${signIns}
</body>
</html>
`;
}

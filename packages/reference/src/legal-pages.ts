import { escapeHtml, type HtmlPage, htmlPage } from "./html-page.ts";

// The demo's Terms of Service and Privacy Policy: what the join page's checkbox links to
// (R-LNK-06). Placeholders a host replaces with its own pages; they say so.

const CSS = `body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:48px 16px;background:#f4f4f5;color:#18181b}
main{max-width:640px;margin:0 auto;background:#fff;border:1px solid #e4e4e7;border-radius:12px;padding:32px}
h1{margin-top:0;font-size:24px}a{color:#1d4ed8}`;

const PAGES = {
  terms: {
    title: "Terms of Service",
    body: "These are the Foyer demo's placeholder terms. A real host links its own Terms of Service here: the server's joinPage.termsUrl, or the JoinPage termsUrl prop.",
  },
  privacy: {
    title: "Privacy Policy",
    body: "This is the Foyer demo's placeholder privacy policy. The demo keeps names, addresses and password hashes in its own database and sends email only to the development mailbox. A real host links its own policy here: joinPage.privacyUrl, or the privacyUrl prop.",
  },
} as const;

/** The demo's terms or privacy page. */
export function legalPage(which: keyof typeof PAGES): HtmlPage {
  const page = PAGES[which];
  return htmlPage({
    title: `${page.title} · Foyer demo`,
    css: CSS,
    body: `<main><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.body)}</p><p><a href="/">Foyer demo</a></p></main>`,
  });
}

import { createHash } from "node:crypto";

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** A server-rendered page and the Content-Security-Policy to send with it. */
export interface HtmlPage {
  html: string;
  /**
   * Nothing may load or run but the page's own stylesheet (allowed by its hash), images of
   * this origin or `data:`, and links; forms may post only to this origin; no framing.
   */
  csp: string;
}

/**
 * The start of every page of the reference app up to its title: doctype, language, charset,
 * viewport and an empty icon (no request for /favicon.ico). `title` is plain text; the
 * caller adds what its page loads and closes the head.
 */
export function documentStart(title: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>`;
}

/**
 * A complete server-rendered HTML page of the reference app (the home page, the dev mailbox):
 * the shared head, the page's own styles, and its body, with a Content-Security-Policy that
 * allows exactly that stylesheet. `title` is plain text (escaped here); `css` and `body` are
 * markup the caller built and escaped.
 */
export function htmlPage(page: { title: string; css: string; body: string }): HtmlPage {
  const style = `\n${page.css}\n`;
  const styleHash = createHash("sha256").update(style).digest("base64");
  const html = `${documentStart(page.title)}
<style>${style}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${styleHash}'`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { html, csp };
}

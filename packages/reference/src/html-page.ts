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

/**
 * A complete server-rendered HTML page of the reference app (the home page, the dev mailbox):
 * the shared head, the page's own styles, and its body. `title` is plain text; `css` and
 * `body` are markup the caller built and escaped.
 */
export function htmlPage(page: { title: string; css: string; body: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${page.title}</title>
<style>
${page.css}
</style>
</head>
<body>
${page.body}
</body>
</html>
`;
}

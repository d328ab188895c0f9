import { createRequire } from "node:module";
import { dirname } from "node:path";
import express, { type Router } from "express";
import { documentStart } from "./html-page.ts";

// `/api-docs`: the API reference of `/openapi.json` (R-SDK-05), rendered by Swagger UI from
// its npm package (swagger-ui-dist): every asset is served by this app, nothing loads from a
// CDN, so the page works offline. Swagger UI is plain static files (no Node API, no engine
// constraint), kept by SmartBear and released every few weeks.

/** Where swagger-ui-dist's files are. */
const SWAGGER_DIR = dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));

/** The files of the package the page loads; nothing else of it is served. */
const ASSETS: Readonly<Record<string, string>> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

/** Starts Swagger UI on the page; a file of its own, since the page allows no inline script. */
const INIT_SCRIPT = `window.addEventListener("DOMContentLoaded", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    // Calls from "Try it out" carry the page's session cookie (same origin).
    withCredentials: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
  });
});
`;

const PAGE = `${documentStart("API reference · Foyer demo")}
<link rel="stylesheet" href="/api-docs/assets/swagger-ui.css">
<link rel="stylesheet" href="/api-docs/page.css">
</head>
<body>
<header class="docs-header"><a href="/">Foyer demo</a> · API reference · <a href="/openapi.json">openapi.json</a></header>
<main id="swagger-ui"></main>
<script src="/api-docs/assets/swagger-ui-bundle.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>
`;

const PAGE_CSS = `body { margin: 0; background: #fff; }
.docs-header { font: 15px/1.5 system-ui, sans-serif; padding: .75rem 1.25rem; border-bottom: 1px solid #e4e4e7; }
.docs-header a { color: #1d4ed8; }
`;

/**
 * The Content-Security-Policy of the reference page: scripts and stylesheets only from this
 * app, API calls only to it. Swagger UI sets `style` attributes from React, so style
 * attributes (not elements) are allowed inline.
 */
export const API_DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Serves `/api-docs` and the files it loads. */
export function createApiDocsRouter(): Router {
  const router = express.Router();
  router.get("/api-docs", (_req, res) => {
    res.setHeader("Content-Security-Policy", API_DOCS_CSP);
    res.setHeader("Cache-Control", "no-cache");
    res.type("html").send(PAGE);
  });
  router.get("/api-docs/init.js", (_req, res) => {
    res.type("text/javascript; charset=utf-8").setHeader("Cache-Control", "no-cache");
    res.send(INIT_SCRIPT);
  });
  router.get("/api-docs/page.css", (_req, res) => {
    res.type("text/css; charset=utf-8").setHeader("Cache-Control", "no-cache");
    res.send(PAGE_CSS);
  });
  router.get("/api-docs/assets/:file", (req, res, next) => {
    const type = Object.hasOwn(ASSETS, req.params.file) ? ASSETS[req.params.file] : undefined;
    if (!type) return next();
    res.setHeader("Cache-Control", "public, max-age=3600");
    // Relative to the package's folder: an absolute path through pnpm's `.pnpm` folder would
    // read as a dotfile and be refused.
    res.type(type).sendFile(req.params.file, { root: SWAGGER_DIR });
  });
  return router;
}

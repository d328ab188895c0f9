import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Request, type Response, type Router } from "express";
import { legalPage } from "./legal-pages.ts";

// The demo host app's pages, built by vite from `web/` (see web/vite.config.ts) and served
// here: `/admin` (signed-in admins), `/accept-invite`, `/join` and `/verify-email` (invitees and
// new members, public) and `/login`.

/** Where `vite build --config web/vite.config.ts` writes the demo pages. */
export const DEFAULT_WEB_DIR = fileURLToPath(new URL("../web/dist", import.meta.url));

/**
 * The pages' Content-Security-Policy: scripts and styles only from files of this origin (the
 * build inlines nothing), API calls to this origin, images from this origin or https (tenant
 * logos), no framing, no plugins, forms only to this origin.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The CSP of one answer: `PAGE_CSP`, plus a nonce for `<style>` elements. Radix Dialog's
 * scroll lock (react-remove-scroll) inserts one while a dialog is open; the page hands the
 * nonce (from `<meta name="csp-nonce">`) to `FoyerProvider`'s `nonce`, so no inline style is
 * allowed without it.
 */
export function pageCsp(nonce: string): string {
  return PAGE_CSP.replace("style-src 'self'", `style-src 'self' 'nonce-${nonce}'`);
}

/** The pages the build produces, by file name. */
const PAGES = [
  "admin.html",
  "api-keys.html",
  "accept-invite.html",
  "join.html",
  "verify-email.html",
  "login.html",
] as const;
type Page = (typeof PAGES)[number];

/** Options of `createWebRouter`. */
export interface WebRouterOptions {
  /** The built pages. @default DEFAULT_WEB_DIR */
  webDir?: string | undefined;
  /** Whether the request carries a live session of an active user. */
  isSignedIn(req: Request): Promise<boolean>;
  /**
   * Whether `/dev/mailbox` exists (R-EML-03); the pages link to it only then. They read it
   * from `<meta name="foyer-dev-mailbox">`.
   */
  devMailbox?: boolean | undefined;
}

/**
 * Serves the built demo pages and their assets. Without a build, the pages answer 503 with
 * how to build them (`pnpm start` builds them first).
 */
export function createWebRouter(options: WebRouterOptions): Router {
  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  const router = express.Router();

  // Read on each request (a few hundred bytes), so a rebuild shows without a restart.
  const read = (page: Page): string | null => {
    const file = join(webDir, page);
    return existsSync(file) ? readFileSync(file, "utf8") : null;
  };

  const send = (res: Response, page: Page): void => {
    const html = read(page);
    res.setHeader("Cache-Control", "no-store");
    if (html === null) {
      res
        .status(503)
        .type("text/plain")
        .send(
          "The demo pages are not built. Run `pnpm start` from the repository root (it builds them), " +
            "or `pnpm --filter @foyer/reference build:web`.\n",
        );
      return;
    }
    const nonce = randomBytes(16).toString("base64");
    res.setHeader("Content-Security-Policy", pageCsp(nonce));
    const mailbox = options.devMailbox ? `<meta name="foyer-dev-mailbox" content="on" />\n  ` : "";
    res
      .type("html")
      .send(
        html.replace(
          "</head>",
          `<meta name="csp-nonce" content="${nonce}" />\n  ${mailbox}</head>`,
        ),
      );
  };

  // Hashed file names: cache them for good. Unknown files fall through to the app's 404.
  router.use(
    "/assets",
    express.static(join(webDir, "assets"), {
      immutable: true,
      maxAge: "1y",
      index: false,
      redirect: false,
    }),
  );

  /** Serves a signed-in page, or sends people without a session to sign in first. */
  const signedInPage = (path: string, page: Page) =>
    router.get(path, async (req, res) => {
      if (!(await options.isSignedIn(req))) {
        const next = req.originalUrl.startsWith(path) ? req.originalUrl : path;
        res.setHeader("Cache-Control", "no-store");
        res.redirect(302, `/login?next=${encodeURIComponent(next)}`);
        return;
      }
      send(res, page);
    });
  signedInPage("/admin", "admin.html");
  // R-SDK-09: the admin's API keys for machine clients.
  signedInPage("/admin/api-keys", "api-keys.html");

  // The invitee pages carry a token in their fragment: they send no referrer ever, so the
  // token cannot leak in a Referer; the app sets the header everywhere too.
  const inviteePage = (path: string, page: Page) =>
    router.get(path, (_req, res) => {
      res.setHeader("Referrer-Policy", "no-referrer");
      send(res, page);
    });
  inviteePage("/accept-invite", "accept-invite.html");
  // R-LNK-06: a tenant's invite link (`/join#token=…`, the server's default `joinPath`).
  inviteePage("/join", "join.html");
  // R-LNK-09: a verification email's link (`/verify-email#token=…`, `verifyEmailPath`).
  inviteePage("/verify-email", "verify-email.html");

  // The join page's terms checkbox links here (placeholders; a host links its own pages).
  for (const which of ["terms", "privacy"] as const) {
    router.get(`/${which}`, (_req, res) => {
      const page = legalPage(which);
      res.setHeader("Content-Security-Policy", page.csp);
      res.type("html").send(page.html);
    });
  }

  router.get("/login", (_req, res) => {
    send(res, "login.html");
  });

  return router;
}

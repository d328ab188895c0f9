import { createDevMailbox, type DevMailbox, type Mailer, PermanentMailError } from "@foyer/server";
import { Router } from "express";
import { renderMailboxPage } from "./mailbox-page.ts";

/** How the reference app delivers email (R-EML-03). */
export type EmailMode = "mailer" | "mailbox" | "off";

/** The mailer of the reference app and, in development, the mailbox behind it. */
export interface EmailSetup {
  mode: EmailMode;
  mailer: Mailer;
  /** The development mailbox; null unless `mode` is `mailbox`. */
  mailbox: DevMailbox | null;
}

/** Why an email fails when the app has no way to deliver one. */
export const EMAIL_OFF_REASON =
  "Email is not delivered: this server has no SMTP_URL (or development mailbox) configured";

/**
 * Chooses how email leaves the app (R-EML-03): the host's mailer (SMTP) when given; else the
 * development mailbox when asked for, never with `NODE_ENV=production` (it is public and
 * lists every link); else nothing, and every email fails at once with a reason the admin sees
 * on the invitation, rather than vanishing into a mailbox nobody can open.
 */
export function resolveEmail(options: {
  mailer?: Mailer | undefined;
  devMailbox?: boolean | undefined;
  nodeEnv?: string | undefined;
}): EmailSetup {
  if (options.mailer && options.devMailbox) {
    throw new Error("Pass either a mailer or devMailbox: true, not both.");
  }
  if (options.devMailbox && options.nodeEnv === "production") {
    throw new Error(
      "The development mailbox is refused with NODE_ENV=production: it shows every email and its link to anyone.",
    );
  }
  if (options.mailer) return { mode: "mailer", mailer: options.mailer, mailbox: null };
  if (options.devMailbox) {
    const mailbox = createDevMailbox();
    return { mode: "mailbox", mailer: mailbox, mailbox };
  }
  return {
    mode: "off",
    mailer: {
      async send() {
        throw new PermanentMailError(EMAIL_OFF_REASON);
      },
    },
    mailbox: null,
  };
}

/**
 * `GET /dev/mailbox` (every email, newest first: a page in a browser, JSON otherwise) and
 * `GET /dev/mailbox/:id` (one email's HTML, sandboxed). Mounted only with the mailbox on;
 * without it both paths fall through to the app's 404, as does an unknown id.
 */
export function createDevMailboxRouter(mailbox: DevMailbox): Router {
  const router = Router();
  router.use("/dev/mailbox", (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  router.get("/dev/mailbox", (req, res) => {
    // A browser (Accept: text/html) gets a page to click through; anything else JSON.
    if (req.accepts(["json", "html"]) === "html") {
      const page = renderMailboxPage(mailbox.messages());
      res.setHeader("Content-Security-Policy", page.csp);
      res.type("html").send(page.html);
      return;
    }
    res.json(
      mailbox.messages().map((m) => ({
        id: m.id,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        links: m.links,
        sentAt: m.sentAt.toISOString(),
      })),
    );
  });
  router.get("/dev/mailbox/:id", (req, res, next) => {
    const message = mailbox.messages().find((m) => m.id === req.params.id);
    // An unknown id falls through to the app's 404.
    if (!message) return next();
    // The email's HTML is shown as is, with nothing allowed to run or load but images.
    res.setHeader(
      "Content-Security-Policy",
      "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; sandbox",
    );
    res.type("html").send(message.html);
  });
  return router;
}

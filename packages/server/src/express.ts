import type { IncomingMessage } from "node:http";
import express, { type Request as ExpressRequest, type RequestHandler, type Router } from "express";
import { FoyerServiceError } from "./errors.ts";
import { crossSiteRefusal, trustedOriginSet } from "./http/cross-site.ts";
import { responseText } from "./http/response-text.ts";

/** Anything with a Foyer Fetch handler, such as what `createFoyer` returns. */
export interface FoyerHandlerTarget {
  handler: (request: Request, context?: { clientAddress?: string }) => Promise<Response>;
}

/** Options of `foyerExpress`. */
export interface FoyerExpressOptions {
  /**
   * Key the public rate limit by Express's `req.ip`, which follows the app's
   * `trust proxy` setting (X-Forwarded-For behind a trusted proxy). `false` uses the
   * socket's peer address whatever the app trusts.
   * @default true
   */
  trustProxy?: boolean;
  /**
   * How much of a body that was refused unread (413) is still read and thrown away, so the
   * client gets to read the answer instead of a connection reset.
   * @default DEFAULT_DISCARD_LIMITS
   */
  discard?: DiscardLimits;
}

/** Bounds of `discardRequestBody`. */
export interface DiscardLimits {
  /** Bytes read past the point of refusal before the connection is closed. */
  maxBytes: number;
  /** Milliseconds allowed for it before the connection is closed. */
  maxMs: number;
}

/** 16 MiB or 10 seconds, whichever comes first (nginx lingers 30 s by default). */
export const DEFAULT_DISCARD_LIMITS: DiscardLimits = { maxBytes: 16 * 1024 * 1024, maxMs: 10_000 };

/**
 * Reads the rest of a request body that will not be used and throws it away, up to `limits`;
 * past them the connection is destroyed. Call it when answering before the body was read
 * (413, or an error of a body parser): closing a socket with unread bytes makes the kernel
 * send a reset, and a client still writing its body then sees the reset instead of the
 * answer. Once the body is read to its end the connection stays usable (keep-alive).
 * @example
 * app.use((error, req, res, next) => { discardRequestBody(req); res.status(413).json(…); });
 */
export function discardRequestBody(
  req: IncomingMessage,
  limits: DiscardLimits = DEFAULT_DISCARD_LIMITS,
): void {
  if (req.complete || req.destroyed) return;
  let seen = 0;
  const stop = () => {
    clearTimeout(timer);
    req.off("data", count);
    req.socket.destroy();
  };
  const count = (chunk: Buffer) => {
    seen += chunk.byteLength;
    if (seen > limits.maxBytes) stop();
  };
  const timer = setTimeout(stop, limits.maxMs);
  timer.unref();
  req.on("data", count);
  req.once("end", () => {
    clearTimeout(timer);
    req.off("data", count);
  });
  req.once("close", () => clearTimeout(timer));
  // Nobody reads this body any more: whoever listened (a body parser that gave up, the Fetch
  // stream of a refused request) would pause the socket again when its buffer fills.
  for (const listener of req.listeners("data")) {
    if (listener !== count) req.off("data", listener as (chunk: Buffer) => void);
  }
  req.resume();
}

/** Options of `refuseCrossSiteWrites`. */
export interface CrossSiteWritesOptions {
  /**
   * Origins whose pages may send state-changing requests: the app's public URL and any
   * other origin of the host's own front ends.
   * @example ["https://app.example.com"]
   */
  trustedOrigins: readonly string[];
}

/**
 * Express middleware applying Foyer's cross-site rule (R-SEC-01) to the host's own routes,
 * such as its sign-in and sign-out: a state-changing request not authenticated by an
 * `Authorization` header needs `Content-Type: application/json` (also with an empty body) and
 * `Sec-Fetch-Site: same-origin` or a trusted `Origin`; otherwise 415 or 403 in Foyer's error
 * shape. Foyer's own router applies the same rule by itself.
 * @example
 * app.post("/logout", refuseCrossSiteWrites({ trustedOrigins: [publicBaseUrl] }), logout);
 */
export function refuseCrossSiteWrites(options: CrossSiteWritesOptions): RequestHandler {
  const origins = trustedOriginSet(options.trustedOrigins);
  return (req, res, next) => {
    const refusal = crossSiteRefusal(
      { method: req.method, header: (name) => req.get(name) },
      origins,
    );
    if (!refusal) return next();
    discardRequestBody(req);
    res.status(refusal.status).type("application/json; charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.end(JSON.stringify(refusal.toBody()));
  };
}

// The URL handed to the handler has a fixed, meaningless origin: Foyer builds links only
// from configured base URLs, never from Host, Origin or X-Forwarded-* (R-INV-15).
const ORIGIN = "http://foyer.invalid";

// Connection-level headers describe the hop, not the request.
const HOP_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "proxy-connection",
  "te",
  "trailer",
]);

function copyHeaders(req: IncomingMessage, reserialised: boolean): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_HEADERS.has(name)) continue;
    // A re-serialised body has its own length; the handler counts bytes anyway.
    if (reserialised && name === "content-length") continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * The request body as a Web stream, read on demand. Cancelling only pauses the socket
 * (destroying it would reset the connection before the 413 answer reaches the client).
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let finished = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on("data", (chunk: Buffer) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once("end", () => {
        if (finished) return;
        finished = true;
        controller.close();
      });
      req.once("error", (error) => {
        if (finished) return;
        finished = true;
        controller.error(error);
      });
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      finished = true;
      req.pause();
    },
  });
}

/** A body parser that ran before Foyer left its result here: bytes to hand over again. */
function parsedBody(body: unknown): Uint8Array<ArrayBuffer> | null {
  if (body === undefined) return null;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new TextEncoder().encode(text ?? "");
}

function toFetchRequest(req: ExpressRequest): Request {
  const method = req.method.toUpperCase();
  const hasBody = method !== "GET" && method !== "HEAD";
  // `req.body` is undefined unless a body parser (such as `express.json()`) consumed the
  // stream already; then its result is handed over again and the byte limit applies to it.
  const reparsed = hasBody ? parsedBody(req.body) : null;
  const init: RequestInit & { duplex?: "half" } = {
    method,
    headers: copyHeaders(req, reparsed !== null),
  };
  if (hasBody) {
    if (reparsed) {
      init.body = reparsed;
    } else {
      init.body = bodyStream(req);
      init.duplex = "half";
    }
  }
  // `req.url` is the path below the mount point; concatenation (not `new URL(path, base)`)
  // keeps a path such as `//host/x` a path.
  return new Request(`${ORIGIN}${req.url}`, init);
}

/**
 * Express 5 middleware serving the Foyer API (R-SDK-03). Mount it under any path; the
 * handler sees the path below the mount point. Works with or without `express.json()`
 * mounted before it.
 * @example
 * const foyer = createFoyer({ store, hooks, publicBaseUrl: "https://app.example.com" });
 * app.use("/api/foyer", foyerExpress(foyer));
 */
export function foyerExpress(
  target: FoyerHandlerTarget,
  options: FoyerExpressOptions = {},
): Router {
  const trustProxy = options.trustProxy ?? true;
  const discard = options.discard ?? DEFAULT_DISCARD_LIMITS;
  const router = express.Router();
  router.use(async (req, res) => {
    let request: Request;
    try {
      request = toFetchRequest(req);
    } catch {
      // Node's parser already refuses malformed headers; this covers whatever else the
      // Request constructor rejects, as a client error.
      const error = new FoyerServiceError("VALIDATION_FAILED", {
        message: "The request could not be read.",
      });
      res.status(error.status).type("application/json; charset=utf-8");
      res.end(JSON.stringify(error.toBody()));
      return;
    }
    const clientAddress = trustProxy ? req.ip : req.socket.remoteAddress;
    const response = await target.handler(
      request,
      clientAddress === undefined ? {} : { clientAddress },
    );
    res.status(response.status);
    const cookies = response.headers.getSetCookie();
    response.headers.forEach((value, name) => {
      if (name !== "set-cookie") res.setHeader(name, value);
    });
    if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);
    const body = responseText(response) ?? Buffer.from(await response.arrayBuffer());
    // Part of the body was left unread (413, or refused before reading): read the rest and
    // throw it away, within bounds, so the client reads this answer rather than a reset.
    discardRequestBody(req, discard);
    res.end(body);
  });
  return router;
}

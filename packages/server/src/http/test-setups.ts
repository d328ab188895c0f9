import { once } from "node:events";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Actor, type RouteName, routes } from "@foyer/core";
import express from "express";
import { afterEach, expect } from "vitest";
import { foyerExpress } from "../express.ts";
import { createTestFoyer, type TestFoyer, tokenFromLink } from "../fixtures.ts";
import { createMemoryStore } from "../store/memory/memory-store.ts";
import type { FoyerHooks, FoyerOptions, FoyerServices, RateLimiter } from "../types.ts";
import { createFoyerHandler } from "./handler.ts";
import { createFakeServices, createRecordingLogger, testActor } from "./test-doubles.ts";

// The HTTP tests' shared setup (not exported from the package): a handler over fake
// services for the handler's unit tests, and real host apps (Express 5 and the fixture's
// Foyer on a memory store) for the adapter's tests.

export const ORIGIN = "https://foyer.test";
export const routeNames = Object.keys(routes) as RouteName[];
export const CREATE_BODY = {
  tenantId: "acme",
  emails: ["new@acme.example.com"],
  roleId: "client_user",
};

export interface SetupOptions {
  override?: Partial<FoyerServices>;
  rateLimiter?: RateLimiter | null;
  maxBodyBytes?: number;
  basePath?: string;
  signIn?: FoyerHooks["signIn"];
}

/** A handler over fake services; `send` makes requests to it. */
export function setup(options: SetupOptions = {}) {
  const { services, calls } = createFakeServices(options.override);
  const logger = createRecordingLogger();
  const store = createMemoryStore();
  let authenticated = 0;
  const handler = createFoyerHandler({
    services,
    hooks: {
      authenticate(request) {
        authenticated += 1;
        const id = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
        return id?.startsWith("actor-") ? { ...testActor, id } : null;
      },
      ...(options.signIn ? { signIn: options.signIn } : {}),
    },
    store,
    rateLimiter: options.rateLimiter ?? null,
    logger,
    maxBodyBytes: options.maxBodyBytes ?? 4096,
    ...(options.basePath ? { basePath: options.basePath } : {}),
  });

  /** Sends a request; `json` is serialised, `raw` sent as is. Admin calls default to actor-1. */
  async function send(
    method: string,
    path: string,
    init: {
      json?: unknown;
      raw?: BodyInit;
      headers?: Record<string, string>;
      actor?: string | null;
      clientAddress?: string;
    } = {},
  ) {
    const headers = new Headers(init.headers);
    const actor = init.actor === undefined ? "actor-1" : init.actor;
    if (actor) headers.set("authorization", `Bearer ${actor}`);
    let body: BodyInit | undefined = init.raw;
    if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      if (!headers.has("content-type")) headers.set("content-type", "application/json");
    }
    const request = new Request(`${ORIGIN}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body, duplex: "half" }),
    } as RequestInit);
    const response = await handler(
      request,
      init.clientAddress ? { clientAddress: init.clientAddress } : {},
    );
    const text = await response.text();
    return { response, status: response.status, body: JSON.parse(text), text };
  }

  return { send, calls, logger, store, authCount: () => authenticated };
}

/** A stream of `total` bytes of JSON-ish filler, sent without a Content-Length. */
export function streamOf(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) {
        controller.close();
        return;
      }
      const size = Math.min(1024, total - sent);
      sent += size;
      controller.enqueue(new TextEncoder().encode(" ".repeat(size)));
    },
  });
}

export const DAY = 86_400_000;
export const STRONG = "Tr1cky-Lantern!";

export interface AppOptions {
  /** The host mounted `express.json()` before Foyer. */
  jsonFirst?: boolean;
  trustProxy?: boolean;
  appTrustsProxy?: boolean;
  foyer?: Partial<Omit<FoyerOptions, "store">>;
}

/** The server of the host app the running test started last (a live binding). */
export let server: Server | undefined;

/**
 * Host apps for the tests of the calling file, each closed after its test. Answers
 * `startApp`, which starts a host app as a developer writes it: its own routes, Foyer
 * mounted under a path, listening on an ephemeral port.
 */
export function hostApps() {
  afterEach(async () => {
    if (!server) return;
    server.closeAllConnections();
    server.close();
    await once(server, "close");
    server = undefined;
  });

  return async function startApp(options: AppOptions = {}) {
    let clock = new Date("2026-11-01T09:00:00.000Z");
    const logger = createRecordingLogger();
    const foyer: TestFoyer = await createTestFoyer(createMemoryStore(), {
      now: () => new Date(clock),
      logger,
      ...options.foyer,
    });

    const app = express();
    if (options.appTrustsProxy) app.set("trust proxy", true);
    if (options.jsonFirst) app.use(express.json());
    app.get("/health", (_req, res) => {
      res.json({ ok: true });
    });
    app.use(
      "/api/foyer",
      foyerExpress(
        foyer,
        options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy },
      ),
    );

    server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;

    async function api(
      method: string,
      path: string,
      init: {
        actor?: Actor | null;
        json?: unknown;
        raw?: BodyInit;
        headers?: Record<string, string>;
      } = {},
    ) {
      const headers = new Headers(init.headers);
      if (init.actor) headers.set("authorization", `Bearer ${init.actor.id}`);
      let body = init.raw;
      if (init.json !== undefined) {
        body = JSON.stringify(init.json);
        headers.set("content-type", "application/json");
      }
      const response = await fetch(`${origin}/api/foyer${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body, duplex: "half" }),
      } as RequestInit);
      const text = await response.text();
      // Foyer answers JSON; express.json()'s own refusals (before Foyer runs) are HTML.
      const isJson = response.headers.get("content-type")?.startsWith("application/json");
      return {
        status: response.status,
        headers: response.headers,
        body: isJson ? JSON.parse(text) : { html: text },
        text,
      };
    }

    const a = foyer.fixture.actors;

    /** Invites one address into Acme as Acme's admin, asking for the link. */
    async function inviteOne(email: string, actor: Actor = a.acmeAdmin, tenantId = "acme") {
      const { status, body } = await api("POST", "/invitations", {
        actor,
        json: { tenantId, emails: [email], roleId: "client_user", delivery: "link" },
      });
      expect(status).toBe(200);
      const entry = body.created[0];
      return {
        id: entry.invitation.id as string,
        link: entry.link as string,
        token: tokenFromLink(entry.link),
      };
    }

    const acceptBody = (token: string) => ({
      token,
      firstName: "Ana",
      lastName: "Lopez",
      password: STRONG,
      passwordConfirmation: STRONG,
    });

    return {
      foyer,
      api,
      origin,
      a,
      logger,
      inviteOne,
      acceptBody,
      advance: (ms: number) => {
        clock = new Date(clock.getTime() + ms);
      },
    };
  };
}

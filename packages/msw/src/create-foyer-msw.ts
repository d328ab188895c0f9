import { type Actor, ERROR_CODES, type ErrorBody } from "@foyer/core";
import {
  createDevMailbox,
  createFoyer,
  createMemoryStore,
  type DevMailbox,
  type Foyer,
  type Store,
} from "@foyer/server";
import {
  createTestPasswordHasher,
  createUserDirectory,
  type Fixture,
  seedFixture,
  TEST_TOKEN_SECRET,
  type UserDirectory,
} from "@foyer/server/testing";
import { delay, HttpResponse, http, type RequestHandler } from "msw";
import { mockIdentitySignUp } from "./internal/mock-identity.ts";
import { type ActorKey, type Scenario, type ScenarioName, scenarios } from "./scenarios.ts";

/** Options of `createFoyerMsw`. */
export interface FoyerMswOptions {
  /**
   * Where the client calls Foyer: a path on the page's origin, or an absolute URL. Must
   * match the client's `baseUrl`.
   * @default "/api/foyer"
   */
  baseUrl?: string;
  /** The state to start in: a built-in name or your own `Scenario`. @default "empty" */
  scenario?: ScenarioName | Scenario;
  /** Milliseconds added before every answer; overrides the scenario's. @default the scenario's (0 for most) */
  latencyMs?: number;
  /**
   * Who is signed in: a fixture actor's key, any `Actor`, or null for nobody (admin calls
   * answer 401). @default the scenario's actor (the MSP admin for the built-ins)
   */
  actor?: ActorKey | Actor | null;
}

/** What `createFoyerMsw` returns. */
export interface FoyerMsw {
  /** MSW handlers for `${baseUrl}/*`; give them to `setupWorker`, `setupServer` or Storybook. */
  handlers: RequestHandler[];
  /** The real Foyer behind the handlers (services, admin). Replaced by `reset()`. */
  readonly foyer: Foyer;
  /** The in-memory store behind the handlers. Replaced by `reset()`. */
  readonly store: Store;
  /** Every email the mock "sent" (nothing leaves the page). Replaced by `reset()`. */
  readonly mailbox: DevMailbox;
  /** The host users (`findUserByEmail`, `createAccount`). Replaced by `reset()`. */
  readonly users: UserDirectory;
  /** The fixture's tenants, roles and actors; throws until `ready` resolved. */
  readonly fixture: Fixture;
  /** The scenario in use. */
  scenario: Scenario;
  /** The actor `authenticate` answers with now; null when nobody is signed in. */
  readonly actor: Actor | null;
  /**
   * Resolves when seeding finished. Seeding starts at the first request or the first read of
   * `ready`, so a story file can create many mocks and only the one in use pays for its data.
   */
  readonly ready: Promise<void>;
  /** Signs someone else in (or nobody, with null) for the following calls. */
  setActor(actor: ActorKey | Actor | null): void;
  /** Throws everything away and seeds the scenario again; the handlers stay valid. */
  reset(): Promise<void>;
}

interface Instance {
  foyer: Foyer;
  store: Store;
  mailbox: DevMailbox;
  users: UserDirectory;
  /** Null until the fixture is seeded; nothing reads it before `ready`. */
  fixture: Fixture | null;
}

/**
 * MSW handlers that run Foyer's real HTTP handler and services over an in-memory store, so
 * the mock answers exactly like the server (R-SDK-02). Runs in the browser: passwords are
 * hashed with a cheap Web Crypto PBKDF2 (fine for a mock, never for production), emails go
 * to an in-memory mailbox, and there is no rate limiter.
 * @example
 * // Storybook story
 * const mock = createFoyerMsw({ scenario: "busy" });
 * export const Busy = { parameters: { msw: { handlers: mock.handlers } } } satisfies Story;
 *
 * // Vitest (Node)
 * const mock = createFoyerMsw({ baseUrl: "http://localhost/api/foyer", scenario: "validToken" });
 * const server = setupServer(...mock.handlers);
 * const preview = await client.previewInvitation(mock.scenario.tokens.valid!);
 */
export function createFoyerMsw(options: FoyerMswOptions = {}): FoyerMsw {
  const baseUrl = (options.baseUrl ?? "/api/foyer").replace(/\/+$/, "");
  const scenario =
    typeof options.scenario === "object"
      ? options.scenario
      : scenarios[options.scenario ?? "empty"];
  const basePath = new URL(baseUrl, "http://mock.invalid").pathname.replace(/\/+$/, "");
  const latencyMs = options.latencyMs ?? scenario.latencyMs;
  let actorChoice: ActorKey | Actor | null =
    options.actor === undefined ? scenario.actor : options.actor;

  let instance = build();
  let seeding: Promise<void> | null = null;
  const ready = (): Promise<void> => {
    seeding ??= seed(instance);
    return seeding;
  };

  function build(): Instance {
    const store = createMemoryStore();
    const mailbox = createDevMailbox();
    const users = createUserDirectory();
    const foyer = createFoyer({
      store,
      publicBaseUrl: "https://app.example.com",
      joinPage: {
        termsUrl: "https://app.example.com/terms",
        privacyUrl: "https://app.example.com/privacy",
        signInUrl: "https://app.example.com/login",
      },
      // The mock answers the page's own requests: its origin is the app's origin.
      trustedOrigins:
        typeof location !== "undefined" && /^https?:/.test(location.origin)
          ? [location.origin]
          : [],
      basePath,
      passwordHasher: createTestPasswordHasher(),
      tokenSecrets: TEST_TOKEN_SECRET,
      mailer: mailbox,
      identitySignUp: mockIdentitySignUp,
      rateLimiter: null,
      logger: { info() {}, warn() {}, error() {} },
      hooks: {
        authenticate: () => currentActor(),
        ...users.hooks,
      },
    });
    return { foyer, store, mailbox, users, fixture: null };
  }

  async function seed(target: Instance): Promise<void> {
    const fixture = await seedFixture(target.foyer, target.users);
    target.fixture = fixture;
    await scenario.seed({
      foyer: target.foyer,
      store: target.store,
      fixture,
      users: target.users,
      now: new Date(),
    });
  }

  function seededFixture(): Fixture {
    if (!instance.fixture) throw new Error("The Foyer mock is still seeding: await mock.ready.");
    return instance.fixture;
  }

  function currentActor(): Actor | null {
    if (actorChoice === null || typeof actorChoice === "object") return actorChoice;
    return seededFixture().actors[actorChoice];
  }

  const failure = scenario.failure;
  const handlers: RequestHandler[] = [
    http.all(`${baseUrl}/*`, async ({ request }) => {
      await ready();
      if (latencyMs > 0) await delay(latencyMs);
      if (failure) {
        const body: ErrorBody = {
          error: { code: failure, message: ERROR_CODES[failure].message },
        };
        return HttpResponse.json(body, { status: ERROR_CODES[failure].status });
      }
      const { foyer } = instance;
      const response = await foyer.handler(request, { clientAddress: "127.0.0.1" });
      // Deliver what the call queued right away (the server's dispatcher does it on a timer),
      // so the next list shows the delivery status and `mailbox` holds the email.
      if (request.method !== "GET") await foyer.dispatcher.runOnce();
      return response;
    }),
  ];

  return {
    handlers,
    get foyer() {
      return instance.foyer;
    },
    get store() {
      return instance.store;
    },
    get mailbox() {
      return instance.mailbox;
    },
    get users() {
      return instance.users;
    },
    get fixture() {
      return seededFixture();
    },
    get actor() {
      return currentActor();
    },
    scenario,
    get ready() {
      return ready();
    },
    setActor(actor) {
      actorChoice = actor;
    },
    async reset() {
      const next = build();
      // Requests keep using the old data until the new data is complete.
      const reseeded = seed(next).then(() => {
        instance = next;
      });
      seeding = reseeded;
      await reseeded;
    },
  };
}

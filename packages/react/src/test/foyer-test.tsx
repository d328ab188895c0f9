import { createFoyerClient, type FoyerClient } from "@foyer/client";
import { createFoyerMsw, type FoyerMsw, type ScenarioName } from "@foyer/msw";
import { QueryClient } from "@tanstack/react-query";
import { type RenderResult, render } from "@testing-library/react";
import { setupServer } from "msw/node";
import type { ReactElement } from "react";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import type { DeepPartial, FoyerLocalization } from "../localization/types.ts";
import { FoyerProvider } from "../provider/foyer-provider.tsx";

/** Where the tests' client and mock meet; absolute because Node's fetch needs it. */
export const BASE_URL = "http://localhost/api/foyer";

/** What `useFoyerMock` gives each test. Test-only. */
export interface FoyerTestContext {
  /** The current mock (fresh store per test). */
  readonly mock: FoyerMsw;
  readonly server: ReturnType<typeof setupServer>;
  /** A client on the mock; a new one per test. */
  readonly client: FoyerClient;
  /** Paths of every request the current test made, as `METHOD /path?query`. */
  readonly requests: string[];
}

/**
 * Registers vitest hooks that serve `@foyer/msw` (the real server handler over an in-memory
 * store) with `onUnhandledRequest: "error"`, reseeding the scenario before every test.
 * Test-only.
 */
export function useFoyerMock(scenario: ScenarioName): FoyerTestContext {
  const server = setupServer();
  let mock = createFoyerMsw({ baseUrl: BASE_URL, scenario });
  let client = createFoyerClient({ baseUrl: BASE_URL, retry: 0 });
  const requests: string[] = [];

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: "error" });
    await loadResponseSchemas();
  });
  beforeEach(async () => {
    mock = createFoyerMsw({ baseUrl: BASE_URL, scenario });
    client = createFoyerClient({ baseUrl: BASE_URL, retry: 0 });
    server.resetHandlers(...mock.handlers);
    requests.length = 0;
    await mock.ready;
  });
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname.replace("/api/foyer", "")}${url.search}`);
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  return {
    get mock() {
      return mock;
    },
    server,
    get client() {
      return client;
    },
    requests,
  };
}

/**
 * Makes the client load its response schemas (zod and core's contract, a dynamic import) once
 * per test file, before any test. Loading them cold (transformed on first import) can take
 * longer than a test's one-second wait for its first rows; a page that renders has them by
 * then too. A stub fetch answers, so no request reaches the mock. Test-only.
 */
export async function loadResponseSchemas(): Promise<void> {
  const warm = createFoyerClient({
    baseUrl: BASE_URL,
    retry: 0,
    fetch: async () => new Response("{}", { status: 500 }),
  });
  // The stub's answer is an error by design: parsing it needed the schemas, which is the point.
  await warm.getContext().catch(() => undefined);
}

/** Options of `renderWithFoyer`. Test-only. */
export interface RenderWithFoyerOptions {
  locale?: string;
  localization?: DeepPartial<FoyerLocalization>;
}

/**
 * Renders `ui` inside a `FoyerProvider` with a fresh query client that does not retry, so
 * error states show at once. Test-only.
 */
export function renderWithFoyer(
  ui: ReactElement,
  client: FoyerClient,
  options: RenderWithFoyerOptions = {},
): RenderResult & { queryClient: QueryClient } {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Number.POSITIVE_INFINITY } },
  });
  const result = render(
    <FoyerProvider
      client={client}
      queryClient={queryClient}
      locale={options.locale ?? "en"}
      localization={options.localization}
    >
      {ui}
    </FoyerProvider>,
  );
  return { ...result, queryClient };
}

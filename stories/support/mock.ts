// Story mocks: @foyer/msw (the real server handler over an in-memory store) per story, reset
// before each render so every story, and every test run of it, starts from the same data.
import { createFoyerMsw, type FoyerMswOptions, type Scenario, scenarios } from "@foyer/msw";
import { HttpResponse, http, type RequestHandler } from "msw";

/** Where the stories' client and the mock meet (the preview's client uses the same). */
export const BASE_URL = "/api/foyer";

/** What a story spreads into itself: MSW handlers and a loader that reseeds the mock. */
export interface StoryMock {
  parameters: { msw: { handlers: RequestHandler[] } };
  loaders: Array<() => Promise<void>>;
}

const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96"><rect width="96" height="96" rx="20" fill="#4f46e5"/><path d="M28 68 48 24l20 44h-9l-4-10H41l-4 10zm16-18h8l-4-10z" fill="#fff"/></svg>`;

/** Acme's logo URL from the fixture, served by the mock so the branded page never hits the network. */
const logoHandler = http.get(
  "https://acme.example.com/logo.png",
  () => new HttpResponse(LOGO_SVG, { headers: { "content-type": "image/svg+xml" } }),
);

/**
 * A fresh `createFoyerMsw` for one story. `before` handlers run ahead of the mock's, to hold
 * or fail single calls.
 */
export function storyMock(
  scenario: FoyerMswOptions["scenario"],
  options: Omit<FoyerMswOptions, "scenario" | "baseUrl"> & { before?: RequestHandler[] } = {},
): StoryMock {
  const { before = [], ...rest } = options;
  const mock = createFoyerMsw({ baseUrl: BASE_URL, scenario, ...rest });
  return {
    parameters: { msw: { handlers: [...before, logoHandler, ...mock.handlers] } },
    loaders: [() => mock.reset()],
  };
}

/** People in the "team" scenario's pending list, in the order they were invited. */
export const TEAM = {
  ana: "ana@acme.com",
  ben: "ben@acme.com",
  cleo: "cleo@acme.com",
  dev: "dev@acme.com",
} as const;

/**
 * Acme with three pending invitations (Ana Lima, Ben, Cleo) and one revoked (Dev): small
 * enough to read, with known addresses for the interactions.
 */
export const teamScenario: Scenario = {
  ...scenarios.empty,
  name: "team",
  description: "Acme with three pending invitations and one revoked.",
  async seed(context) {
    const actor = context.fixture.actors.acmeAdmin;
    const roleId = context.fixture.roles.clientUser;
    await context.foyer.services.createInvitations(actor, {
      tenantId: "acme",
      emails: [TEAM.ana],
      name: "Ana Lima",
      roleId,
    });
    const batch = await context.foyer.services.createInvitations(actor, {
      tenantId: "acme",
      emails: [TEAM.ben, TEAM.cleo, TEAM.dev],
      roleId,
    });
    const dev = batch.created.find((created) => created.email === TEAM.dev)?.invitation;
    if (dev) await context.foyer.services.revokeInvitation(actor, dev.id);
    await context.foyer.dispatcher.runOnce();
  },
};

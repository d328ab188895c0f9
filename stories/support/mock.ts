// Story mocks: @foyer/msw (the real server handler over an in-memory store) per story, reset
// before each render so every story, and every test run of it, starts from the same data.
import type { IdentityProvider, UpdateInviteLinkBody } from "@foyer/core";
import {
  createFoyerMsw,
  type FoyerMsw,
  type FoyerMswOptions,
  type Scenario,
  type ScenarioContext,
  scenarios,
} from "@foyer/msw";
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
  scenario: NonNullable<FoyerMswOptions["scenario"]>,
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

/** Long addresses, the kind that broke the Email column: they must stay readable. */
export const LONG = {
  alexandra: "alexandra.konstantinopoulou-whitfield@acme-holdings.example.com",
  bartholomew: "bartholomew.featherstonehaugh@procurement.acme-holdings.example.com",
  nina: "nina.petrova@globex-international.example.com",
  oliver: "oliver.marchetti-lindqvist@northwind-consulting.example.com",
  priya: "priya.raghunathan@acme-holdings.example.com",
  quentin: "quentin.obi@globex-international.example.com",
} as const;

const DAY = 86_400_000;
const STRONG_PASSWORD = "Blue-Kettle-Sings-9!";

/**
 * What an MSP admin manages across Northwind, Acme and Globex, with long addresses: pending
 * invitations in each tenant and a history of one accepted, one revoked and one expired
 * invitation, all made through the real services.
 */
export const mspScenario: Scenario = {
  ...scenarios.empty,
  name: "msp",
  description: "Invitations in Northwind, Acme and Globex, pending and closed, long addresses.",
  async seed(context) {
    const { foyer, fixture, store } = context;
    const msp = fixture.actors.mspAdmin;
    const { clientUser, clientAdmin, mspTechnician } = fixture.roles;
    const invite = (tenantId: string, emails: string[], roleId: string, name?: string) =>
      foyer.services.createInvitations(msp, {
        tenantId,
        emails,
        roleId,
        delivery: "both",
        ...(name ? { name } : {}),
      });
    await invite("acme", [LONG.alexandra], clientAdmin, "Alexandra Konstantinopoulou");
    await invite("acme", [TEAM.ana, LONG.priya], clientUser);
    await invite("globex", [LONG.nina, LONG.quentin], clientUser);
    await invite("northwind", [LONG.oliver], mspTechnician, "Oliver Marchetti");

    // History: Bartholomew accepted, Cleo revoked, Dev expired.
    const accepted = await invite("acme", [LONG.bartholomew], clientUser);
    const link = accepted.created[0]?.link;
    const token = link ? new URL(link).hash.replace(/^#token=/, "") : "";
    await foyer.services.acceptInvitation({
      token,
      firstName: "Bartholomew",
      lastName: "Featherstonehaugh",
      password: STRONG_PASSWORD,
      passwordConfirmation: STRONG_PASSWORD,
    });
    const revoked = await invite("globex", [TEAM.cleo], clientUser);
    const revokedId = revoked.created[0]?.invitation?.id;
    if (revokedId) await foyer.services.revokeInvitation(msp, revokedId);
    const expired = await invite("acme", [TEAM.dev], clientUser);
    const expiredId = expired.created[0]?.invitation?.id;
    if (expiredId) {
      await store.updateInvitation(expiredId, {
        sentAt: new Date(context.now.getTime() - 9 * DAY),
        expiresAt: new Date(context.now.getTime() - 2 * DAY),
      });
    }
    await foyer.dispatcher.runOnce();
  },
};

/** A strong password for the join stories. */
export const JOIN_PASSWORD = STRONG_PASSWORD;

/**
 * Acme's invite link as its admin (Dana) set it up through the real services: turned on with
 * the Client user role, plus `settings`; then `more` (joins, say).
 */
export function linkScenario(
  name: string,
  settings: UpdateInviteLinkBody,
  more?: (context: ScenarioContext) => Promise<void>,
): Scenario {
  return {
    ...scenarios.empty,
    name,
    description: `Acme's invite link: ${name}.`,
    async seed(context) {
      const { foyer, fixture } = context;
      await foyer.services.updateInviteLink(fixture.actors.acmeAdmin, "acme", {
        enabled: true,
        roleId: fixture.roles.clientUser,
        ...settings,
      });
      await more?.(context);
      await foyer.dispatcher.runOnce();
    },
  };
}

/** The token of a link URL (`…/join#token=…`). */
export const tokenOf = (url: string | null | undefined): string =>
  url ? (new URLSearchParams(new URL(url).hash.slice(1)).get("token") ?? "") : "";

/** What a join or verification story spreads into itself: its loader answers `loaded.token`. */
export interface TokenStoryMock {
  parameters: { msw: { handlers: RequestHandler[] } };
  loaders: Array<() => Promise<{ token: string }>>;
}

/**
 * Like `storyMock`, and the loader also answers a token read from the reseeded mock: Acme's
 * link token by default, or what `token` picks (a verification email's, say).
 */
export function tokenStoryMock(
  scenario: Scenario,
  token: (mock: FoyerMsw) => Promise<string> = async (mock) =>
    tokenOf(
      (await mock.foyer.services.getInviteLink(mock.fixture.actors.acmeAdmin, "acme")).link.url,
    ),
  options: { identityProviders?: IdentityProvider[] } = {},
): TokenStoryMock {
  const mock = createFoyerMsw({ baseUrl: BASE_URL, scenario });
  // The mock's server configures no identity provider: the link's preview lists these.
  const { identityProviders } = options;
  const providers = identityProviders
    ? [
        http.post(`${BASE_URL}/public/invite-links/preview`, async ({ request }) => {
          const { token: linkToken } = (await request.json()) as { token: string };
          const preview = await mock.foyer.services.previewInviteLink(linkToken);
          return HttpResponse.json({ ...preview, identityProviders });
        }),
      ]
    : [];
  return {
    parameters: { msw: { handlers: [logoHandler, ...providers, ...mock.handlers] } },
    loaders: [
      async () => {
        await mock.reset();
        return { token: await token(mock) };
      },
    ],
  };
}

import { createFoyerClient } from "@foyer/client";
import { type ActorKey, createFoyerMsw, type FoyerMsw, type Scenario, scenarios } from "@foyer/msw";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { de } from "../../localization/de.ts";
import { FoyerProvider } from "../../provider/foyer-provider.tsx";
import { axeViolations } from "../../test/axe.ts";
import { loadResponseSchemas } from "../../test/foyer-test.tsx";
import { InviteLinkDialog, type InviteLinkDialogProps } from "./invite-link-dialog.tsx";

const BASE = "http://localhost/api/foyer";
const server = setupServer();
const requests: string[] = [];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    requests.push(`${request.method} ${url.pathname.replace("/api/foyer", "")}`);
  });
  await loadResponseSchemas();
  // Compile the settings form (a chunk the component imports on mount) before the tests time anything; the
  // state before it arrives is tested on its own.
  await import("./invite-link-settings.tsx");
});
afterEach(() => {
  server.resetHandlers();
  requests.length = 0;
});
afterAll(() => server.close());

/** Acme's link turned on by its admin with the client role, optionally with more settings. */
function enabledLink(extra: { allowedDomains?: string[]; maxJoins?: number } = {}): Scenario {
  return {
    ...scenarios.empty,
    name: "link-enabled",
    async seed(context) {
      await context.foyer.services.updateInviteLink(context.fixture.actors.acmeAdmin, "acme", {
        enabled: true,
        roleId: context.fixture.roles.clientUser,
        ...extra,
      });
    },
  };
}

async function start(scenario: Scenario, actor: ActorKey = "acmeAdmin"): Promise<FoyerMsw> {
  const mock = createFoyerMsw({ baseUrl: BASE, scenario, actor });
  await mock.ready;
  server.use(...mock.handlers);
  return mock;
}

function renderDialog(props: Partial<InviteLinkDialogProps> & { german?: boolean } = {}) {
  const { german, ...rest } = props;
  const client = createFoyerClient({ baseUrl: BASE, retry: 0 });
  const user = userEvent.setup();
  const view = render(
    <FoyerProvider client={client} {...(german ? { locale: "de-DE", localization: de } : {})}>
      <InviteLinkDialog tenantId="acme" trigger {...rest} />
    </FoyerProvider>,
  );
  return { user, ...view };
}

async function openDialog(user: ReturnType<typeof userEvent.setup>, name = "Invite link") {
  await user.click(await screen.findByRole("button", { name }));
  const dialog = await screen.findByRole("dialog", { name });
  await within(dialog).findByRole("switch");
  return dialog;
}

const updates = () => requests.filter((r) => r === "POST /tenants/acme/invite-link");

describe("InviteLinkDialog", () => {
  it("R-LNK-01 / R-UI-03: the trigger is there only for people with invite_links:manage", async () => {
    await start(enabledLink(), "acmeUser");
    renderDialog();
    // The plain user's context loads; the trigger never appears.
    await waitFor(() => expect(requests).toContain("GET /context"));
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(screen.queryByRole("button", { name: "Invite link" })).toBeNull();
    expect(requests).not.toContain("GET /tenants/acme/invite-link");
  });

  it("R-LNK-01 / R-UI-03: turning the link on needs a default role; then the link shows and copies", async () => {
    await start(scenarios.empty);
    const { user } = renderDialog();
    const dialog = await openDialog(user);
    const toggle = within(dialog).getByRole("switch", {
      name: "Allow anyone with the link to join",
    });
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    expect(within(dialog).getByText("The link appears here once you turn it on.")).toBeTruthy();
    expect(await axeViolations(dialog)).toEqual([]);

    await user.click(toggle);
    expect(
      await within(dialog).findByText("Choose a default role before turning the link on."),
    ).toBeTruthy();
    expect(toggle.getAttribute("aria-checked")).toBe("false");
    expect(updates()).toEqual([]);
    expect(document.activeElement).toBe(
      within(dialog).getByRole("combobox", { name: "Default role" }),
    );

    // Only roles the admin may grant are offered.
    const options = within(dialog)
      .getAllByRole("option")
      .map((option) => option.textContent);
    expect(options).not.toContain("MSP admin");
    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Default role" }), [
      "Client user",
    ]);
    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute("aria-checked")).toBe("true"));
    expect(within(dialog).getByText("Active")).toBeTruthy();
    const link = within(dialog).getByRole("textbox", { name: "Link" }) as HTMLInputElement;
    expect(link.value).toMatch(/^https:\/\/.+#token=.+/);
    expect(updates()).toHaveLength(1);

    await user.click(within(dialog).getByRole("button", { name: "Copy" }));
    expect(within(dialog).getByRole("button", { name: "Copied" })).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(link.value);
    expect(within(dialog).getByText("Link copied to the clipboard.")).toBeTruthy();
    expect(await axeViolations(dialog)).toEqual([]);
  });

  it("R-LNK-02: turning the link off and on again keeps the same URL; a role change keeps it too", async () => {
    await start(enabledLink());
    const { user } = renderDialog();
    const dialog = await openDialog(user);
    const link = () =>
      (within(dialog).getByRole("textbox", { name: "Link" }) as HTMLInputElement).value;
    const before = link();
    const toggle = within(dialog).getByRole("switch");

    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute("aria-checked")).toBe("false"));
    expect(within(dialog).getByText("Off")).toBeTruthy();
    expect(
      within(dialog).getByText(
        "The link is off and nobody can join with it. Turning it on restores the same link.",
      ),
    ).toBeTruthy();
    await user.click(toggle);
    await waitFor(() => expect(toggle.getAttribute("aria-checked")).toBe("true"));
    expect(link()).toBe(before);

    await user.selectOptions(within(dialog).getByRole("combobox", { name: "Default role" }), [
      "Client admin",
    ]);
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await waitFor(() =>
      expect(dialog.querySelector("[data-slot='saved']")?.textContent).toBe("Saved"),
    );
    expect(link()).toBe(before);
  });

  it("R-LNK-03: Revoke & generate asks first; cancelled nothing changes, confirmed the URL is new", async () => {
    await start(enabledLink());
    const { user } = renderDialog();
    const dialog = await openDialog(user);
    const link = () =>
      (within(dialog).getByRole("textbox", { name: "Link" }) as HTMLInputElement).value;
    const before = link();

    await user.click(within(dialog).getByRole("button", { name: "Revoke & generate new link" }));
    let confirm = await screen.findByRole("alertdialog", {
      name: "Revoke this link and generate a new one?",
    });
    expect(confirm.textContent).toContain(
      "The current link stops working at once for everyone who has it. This can't be undone.",
    );
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(requests).not.toContain("POST /tenants/acme/invite-link/regenerate");
    expect(link()).toBe(before);

    await user.click(within(dialog).getByRole("button", { name: "Revoke & generate new link" }));
    confirm = await screen.findByRole("alertdialog");
    await user.click(within(confirm).getByRole("button", { name: "Revoke & generate" }));
    await waitFor(() => expect(link()).not.toBe(before));
    expect(
      within(dialog).getByText("New link generated. The old link no longer works."),
    ).toBeTruthy();
  });

  it("R-LNK-04: domains are checked as typed; more than 50 are refused before sending; saved ones come back normalised", async () => {
    await start(enabledLink());
    const { user } = renderDialog();
    const dialog = await openDialog(user);
    const domains = within(dialog).getByRole("textbox", { name: "Allowed email domains" });
    const save = within(dialog).getByRole("button", { name: "Save changes" });

    await user.type(domains, "ACME.com, not_a_domain");
    expect(within(dialog).getByText("Not a valid domain: not_a_domain")).toBeTruthy();
    expect(domains.getAttribute("aria-invalid")).toBe("true");
    await user.click(save);
    expect(updates()).toHaveLength(0);

    await user.clear(domains);
    const many = Array.from({ length: 51 }, (_, i) => `d${i}.example`).join("\n");
    await user.click(domains);
    await user.paste(many);
    expect(within(dialog).getByText("At most 50 domains. Remove 1.")).toBeTruthy();
    await user.click(save);
    expect(updates()).toHaveLength(0);

    await user.clear(domains);
    await user.click(domains);
    await user.paste("Acme.COM.\nbücher.example");
    expect(within(dialog).getByText(/2 of 50 domains/)).toBeTruthy();
    await user.click(save);
    await waitFor(() =>
      expect(dialog.querySelector("[data-slot='saved']")?.textContent).toBe("Saved"),
    );
    expect((domains as HTMLTextAreaElement).value).toBe("acme.com\nxn--bcher-kva.example");
    expect(updates()).toHaveLength(1);
  });

  it("R-LNK-04: a domain another tenant of the same MSP allows is refused, and the field says so", async () => {
    await start({
      ...scenarios.empty,
      name: "sibling-domain",
      async seed(context) {
        await context.foyer.services.updateInviteLink(context.fixture.actors.mspAdmin, "globex", {
          allowedDomains: ["globex.com"],
        });
      },
    });
    const { user } = renderDialog();
    const dialog = await openDialog(user);
    const domains = within(dialog).getByRole("textbox", { name: "Allowed email domains" });
    await user.type(domains, "globex.com");
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(domains.getAttribute("aria-invalid")).toBe("true"));
    const errorId = domains.getAttribute("aria-describedby")?.split(" ")[1] ?? "";
    expect(document.getElementById(errorId)?.textContent).toMatch(/globex\.com|another tenant/i);
    expect(document.activeElement).toBe(domains);
  });

  it("R-LNK-05: on a tenant with SSO the switch is disabled with the exact message", async () => {
    await start(scenarios.empty, "mspAdmin");
    const { user } = renderDialog({ tenantId: "globex" });
    const dialog = await openDialog(user);
    const toggle = within(dialog).getByRole("switch");
    expect((toggle as HTMLButtonElement).disabled).toBe(true);
    const message = within(dialog).getByText("Not available - SSO is configured for this tenant.");
    expect(toggle.getAttribute("aria-describedby")).toBe(message.id);
    expect(within(dialog).queryByRole("button", { name: "Revoke & generate new link" })).toBeNull();
    expect(await axeViolations(dialog)).toEqual([]);
  });

  it("R-LNK-10: an expiry date in the past and a join limit below 1 are refused as typed; joins are counted against the limit", async () => {
    await start(enabledLink({ maxJoins: 10 }));
    const { user } = renderDialog();
    const dialog = await openDialog(user);
    expect(within(dialog).getByText("0 of 10 joined with this link")).toBeTruthy();
    const expiry = within(dialog).getByLabelText("Expires after (optional)");
    await user.type(expiry, "2020-01-01");
    expect(within(dialog).getByText("Choose a day after today.")).toBeTruthy();
    const limit = within(dialog).getByRole("spinbutton", { name: "Join limit (optional)" });
    await user.clear(limit);
    await user.type(limit, "0");
    expect(within(dialog).getByText("Enter a whole number from 1.")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Save changes" }));
    expect(updates()).toHaveLength(0);
  });

  it("R-UI-03: closing with unsaved changes asks before throwing them away", async () => {
    await start(enabledLink());
    const { user } = renderDialog();
    const dialog = await openDialog(user);
    await user.type(
      within(dialog).getByRole("textbox", { name: "Allowed email domains" }),
      "acme.com",
    );
    await user.keyboard("{Escape}");
    const confirm = await screen.findByRole("alertdialog", { name: "Discard your changes?" });
    await user.click(within(confirm).getByRole("button", { name: "Keep editing" }));
    expect(screen.getByRole("dialog", { name: "Invite link" })).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    await user.click(
      within(await screen.findByRole("alertdialog")).getByRole("button", { name: "Discard" }),
    );
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Invite link" })).toBeNull());
    expect(updates()).toHaveLength(0);
  });

  it("R-UI-03: speaks German when the host passes de", async () => {
    await start(scenarios.empty);
    const { user } = renderDialog({ german: true });
    const dialog = await openDialog(user, "Einladungslink");
    expect(
      within(dialog).getByRole("switch", { name: "Beitritt für alle mit dem Link erlauben" }),
    ).toBeTruthy();
    expect(within(dialog).getByRole("combobox", { name: "Standardrolle" })).toBeTruthy();
  });
});

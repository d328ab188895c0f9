import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { delay, HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { de } from "../../localization/de.ts";
import { errorsEn } from "../../localization/errors.ts";
import { axeViolations } from "../../test/axe.ts";
import { BASE_URL, renderWithFoyer, useFoyerMock } from "../../test/foyer-test.tsx";
import { InvitationsTable } from "./invitations-table.tsx";

const listRequests = (requests: string[]) =>
  requests.filter((request) => request.startsWith("GET /invitations?"));

const rowFor = (email: string) => screen.findByRole("row", { name: new RegExp(email) });

describe("InvitationsTable over @foyer/msw", () => {
  const ctx = useFoyerMock("empty");

  beforeEach(async () => {
    const roleId = ctx.mock.fixture.roles.clientUser;
    await ctx.client.createInvitations({
      tenantId: "acme",
      emails: ["ana@acme.com"],
      name: "Ana Lima",
      roleId,
    });
    await ctx.client.createInvitations({
      tenantId: "acme",
      emails: ["ben@acme.com", "cleo@acme.com", "dev@acme.com"],
      roleId,
    });
    const page = await ctx.client.listInvitations({ tenantId: "acme", q: "dev@" });
    const dev = page.items[0];
    if (!dev) throw new Error("seeding failed");
    await ctx.client.revokeInvitation(dev.id);
    ctx.requests.length = 0;
  });

  it("R-UI-01 / R-INV-09: tabs show counts per status and switch between Pending and History", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);

    const pending = await screen.findByRole("tab", { name: "Pending (3)" });
    expect(pending.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tab", { name: "History (1)" })).toBeTruthy();
    const ana = await rowFor("ana@acme.com");
    expect(within(ana).getByText("Ana Lima")).toBeTruthy();
    expect(within(ana).getByText("Pending").getAttribute("data-state")).toBe("pending");
    expect(screen.queryByRole("row", { name: /dev@acme.com/ })).toBeNull();

    await user.click(screen.getByRole("tab", { name: "History (1)" }));
    const dev = await rowFor("dev@acme.com");
    const badge = within(dev).getByText("Revoked");
    expect(badge.getAttribute("data-state")).toBe("revoked");
    // History names its columns for what they hold: when each invitation was closed.
    expect(screen.getByRole("columnheader", { name: "Closed" })).toBeTruthy();
    expect(screen.queryByRole("columnheader", { name: /Expires/ })).toBeNull();
    const closed = dev.querySelector<HTMLElement>("[data-column='closed']");
    expect(closed?.querySelector("time")?.textContent).toMatch(/^(now|\d+ seconds? ago)$/);
    expect(closed?.textContent).toMatch(/by Mia MSP$/);
    expect(screen.queryByRole("row", { name: /ana@acme.com/ })).toBeNull();
    expect(listRequests(ctx.requests).some((r) => r.includes("status=history"))).toBe(true);
    expect(screen.getByRole("table").querySelector("caption")?.textContent).toBe(
      "Invitation history",
    );
  });

  it("R-INV-09 / R-EML-02: rows show role, inviter, delivery and an amber expiry under 24 hours", async () => {
    await ctx.client.createInvitations({
      tenantId: "acme",
      emails: ["soon@acme.com"],
      roleId: ctx.mock.fixture.roles.clientUser,
      expiresIn: "24h",
    });
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const soon = await rowFor("soon@acme.com");
    const soonExpiry = within(soon).getByText(/^in (24|23) hours$/);
    expect(soonExpiry.getAttribute("data-state")).toBe("soon");
    const ben = await rowFor("ben@acme.com");
    const benExpiry = within(ben).getByText("in 7 days");
    expect(benExpiry.getAttribute("data-state")).toBe("later");
    // Exact date and time on focus, as the trigger's description; Escape hides it again.
    const trigger = benExpiry.closest<HTMLElement>('[data-slot="expiry"]');
    if (!trigger) throw new Error("no expiry tooltip trigger");
    expect(trigger.tabIndex).toBe(0);
    expect(trigger.getAttribute("aria-describedby")).toBeNull();
    expect(within(ben).queryByRole("tooltip")).toBeNull();
    act(() => trigger.focus());
    const tooltip = document.getElementById(trigger.getAttribute("aria-describedby") ?? "");
    expect(tooltip?.getAttribute("role")).toBe("tooltip");
    expect(tooltip?.textContent).toMatch(/\d{4}, \d{1,2}:\d{2}/);
    fireEvent.keyDown(trigger, { key: "Escape" });
    expect(within(ben).queryByRole("tooltip")).toBeNull();
    expect(trigger.getAttribute("aria-describedby")).toBeNull();
    expect(within(ben).getByText("Sent")).toBeTruthy();
    expect(within(ben).getByText(ctx.mock.fixture.actors.mspAdmin.name ?? "")).toBeTruthy();
    // A long address is cut with an ellipsis; the whole of it shows on hover.
    expect(within(ben).getByText("ben@acme.com").getAttribute("title")).toBe("ben@acme.com");
  });

  it("R-INV-09: email search is debounced and sent as q", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    await rowFor("ben@acme.com");

    await user.type(screen.getByRole("searchbox", { name: "Search by email" }), "cleo");
    await waitFor(() => expect(screen.queryByRole("row", { name: /ben@acme.com/ })).toBeNull());
    expect(await rowFor("cleo@acme.com")).toBeTruthy();
    const searches = listRequests(ctx.requests).filter((r) => r.includes("q="));
    expect(searches).toHaveLength(1);
    expect(searches[0]).toContain("q=cleo");

    await user.clear(screen.getByRole("searchbox"));
    await user.type(screen.getByRole("searchbox"), "nobody");
    expect(await screen.findByText("No invitations match “nobody”")).toBeTruthy();
  });

  it("R-INV-09: sortable headers expose aria-sort and the request carries the sort", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    await rowFor("ana@acme.com");
    const sent = screen.getByRole("columnheader", { name: /Sent/ });
    const expires = screen.getByRole("columnheader", { name: /Expires/ });
    expect(sent.getAttribute("aria-sort")).toBe("descending");
    expect(expires.getAttribute("aria-sort")).toBe("none");

    await user.click(within(expires).getByRole("button"));
    expect(expires.getAttribute("aria-sort")).toBe("ascending");
    expect(sent.getAttribute("aria-sort")).toBe("none");
    await waitFor(() =>
      expect(listRequests(ctx.requests).some((r) => /sort=expiresAt.*order=asc/.test(r))).toBe(
        true,
      ),
    );

    await user.click(within(expires).getByRole("button"));
    expect(expires.getAttribute("aria-sort")).toBe("descending");
    await waitFor(() =>
      expect(listRequests(ctx.requests).some((r) => /sort=expiresAt.*order=desc/.test(r))).toBe(
        true,
      ),
    );
  });

  it("R-INV-08 / R-UI-01: revoke asks with the exact copy, then the row shows revoked", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const ana = await rowFor("ana@acme.com");

    await user.click(within(ana).getByRole("button", { name: "Actions for ana@acme.com" }));
    await user.click(screen.getByRole("menuitem", { name: "Revoke" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Revoke invitation to ana@acme.com?")).toBeTruthy();
    expect(
      within(dialog).getByText("The link stops working immediately. This can't be undone."),
    ).toBeTruthy();
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toBe(document.activeElement);
    await user.click(within(dialog).getByRole("button", { name: "Revoke" }));

    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toContain(
        "Invitation to ana@acme.com revoked.",
      ),
    );
    const row = await rowFor("ana@acme.com");
    expect(within(row).getByText("Revoked").getAttribute("data-state")).toBe("revoked");
    expect(screen.getByRole("tab", { name: "Pending (2)" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "History (2)" })).toBeTruthy();
    const stored = await ctx.client.listInvitations({ tenantId: "acme", q: "ana@", status: "all" });
    expect(stored.items[0]?.status).toBe("revoked");
  });

  it("R-INV-08 / R-UI-01: cancelling the confirmation revokes nothing and returns focus", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const ana = await rowFor("ana@acme.com");
    const trigger = within(ana).getByRole("button", { name: "Actions for ana@acme.com" });
    await user.click(trigger);
    await user.click(screen.getByRole("menuitem", { name: "Revoke" }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(document.activeElement).toBe(trigger);
    expect(ctx.requests.some((r) => r.includes("/revoke"))).toBe(false);
  });

  it("R-UI-01: an optimistic revoke is rolled back with an error notice when the server refuses", async () => {
    const user = userEvent.setup();
    ctx.server.use(
      http.post(`${BASE_URL}/invitations/:id/revoke`, async () => {
        await delay(80);
        return HttpResponse.json(
          {
            error: {
              code: "INVITATION_NOT_REVOCABLE",
              message: "Only pending or expired invitations can be revoked.",
            },
          },
          { status: 409 },
        );
      }),
    );
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const ana = await rowFor("ana@acme.com");
    await user.click(within(ana).getByRole("button", { name: "Actions for ana@acme.com" }));
    await user.click(screen.getByRole("menuitem", { name: "Revoke" }));
    await user.click(await screen.findByRole("button", { name: "Revoke" }));

    // Optimistic first …
    expect(await screen.findByRole("tab", { name: "Pending (2)" })).toBeTruthy();
    expect(within(await rowFor("ana@acme.com")).getByText("Revoked")).toBeTruthy();
    // … then rolled back, with the reason by error code.
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toContain(
        `Couldn't revoke the invitation to ana@acme.com. ${errorsEn.INVITATION_NOT_REVOCABLE}`,
      ),
    );
    const row = await rowFor("ana@acme.com");
    expect(within(row).getByText("Pending")).toBeTruthy();
    expect(within(row).queryByText("Revoked")).toBeNull();
    expect(screen.getByRole("tab", { name: "Pending (3)" })).toBeTruthy();
  });

  it("R-UI-01: bulk revoke runs per row and reports the rows that failed", async () => {
    const user = userEvent.setup();
    const cleoPage = await ctx.client.listInvitations({ tenantId: "acme", q: "cleo@" });
    const cleoId = cleoPage.items[0]?.id ?? "";
    ctx.server.use(
      http.post(`${BASE_URL}/invitations/${cleoId}/revoke`, () =>
        HttpResponse.json(
          { error: { code: "FORBIDDEN", message: "You are not allowed to do this." } },
          { status: 403 },
        ),
      ),
    );
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    await rowFor("ana@acme.com");

    await user.click(screen.getByRole("checkbox", { name: "Select all invitations" }));
    const bar = screen.getByRole("group", { name: "Selected invitations" });
    expect(within(bar).getByText("3 selected")).toBeTruthy();
    await user.click(within(bar).getByRole("button", { name: "Revoke" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Revoke 3 invitations?")).toBeTruthy();
    await user.click(within(dialog).getByRole("button", { name: "Revoke" }));

    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toContain("2 invitations revoked."),
    );
    const status = screen.getByRole("status");
    expect(status.textContent).toContain("1 failed:");
    expect(status.textContent).toContain(`cleo@acme.com: ${errorsEn.FORBIDDEN}`);
    expect(within(await rowFor("ana@acme.com")).getByText("Revoked")).toBeTruthy();
    expect(within(await rowFor("ben@acme.com")).getByText("Revoked")).toBeTruthy();
    expect(within(await rowFor("cleo@acme.com")).getByText("Pending")).toBeTruthy();
    // The failed row stays selected for another try.
    expect(within(screen.getByRole("group")).getByText("1 selected")).toBeTruthy();
  });

  it("R-UI-08: a row can be revoked with the keyboard alone (Tab, Enter, arrows)", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    await rowFor("ana@acme.com");

    const label = "Actions for ana@acme.com";
    for (let i = 0; i < 60 && document.activeElement?.getAttribute("aria-label") !== label; i++) {
      await user.tab();
    }
    expect(document.activeElement?.getAttribute("aria-label")).toBe(label);
    await user.keyboard("{Enter}");
    expect(document.activeElement?.textContent).toBe("Resend");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.textContent).toBe("Copy link");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.textContent).toBe("Revoke");
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("alertdialog");
    expect(document.activeElement?.textContent).toBe("Cancel");
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Revoke" }));
    await user.keyboard("{Enter}");

    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(within(await rowFor("ana@acme.com")).getByText("Revoked")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("table"));
  });

  it("R-UI-08: the row menu closes on Escape and returns focus to its button", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const ana = await rowFor("ana@acme.com");
    const trigger = within(ana).getByRole("button", { name: "Actions for ana@acme.com" });
    trigger.focus();
    await user.keyboard("{ArrowUp}");
    expect(document.activeElement?.textContent).toBe("Revoke");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it("R-INV-07: Resend from the row menu sends again and says so", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const ben = await rowFor("ben@acme.com");
    await user.click(within(ben).getByRole("button", { name: "Actions for ben@acme.com" }));
    await user.click(screen.getByRole("menuitem", { name: "Resend" }));
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toContain(
        "Invitation to ben@acme.com sent again.",
      ),
    );
    expect(ctx.requests.some((r) => /^POST \/invitations\/.+\/resend$/.test(r))).toBe(true);
  });

  it("R-EML-02: a resent row reads Queued, then Sent once delivered, without reloading the list", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const ben = await rowFor("ben@acme.com");
    const delivery = () => ben.querySelector("[data-column='delivery']")?.textContent ?? "";
    await user.click(within(ben).getByRole("button", { name: "Actions for ben@acme.com" }));
    await user.click(screen.getByRole("menuitem", { name: "Resend" }));
    await screen.findByText("Invitation to ben@acme.com sent again.");
    // The mock delivers right after the resend answered "queued"; the row learns it by asking.
    expect(delivery()).toContain("Queued");
    const listsBefore = listRequests(ctx.requests).length;
    await waitFor(() => expect(delivery()).toContain("Sent"), { timeout: 4000 });
    expect(ctx.requests.some((r) => /^GET \/invitations\/[^/?]+$/.test(r))).toBe(true);
    expect(listRequests(ctx.requests)).toHaveLength(listsBefore);
  });

  it("R-INV-17: a pending row whose reminder went out reads Reminded, with when on focus, in English and German", async () => {
    await ctx.mock.foyer.dispatcher.runOnce();
    const cleo = (await ctx.client.listInvitations({ tenantId: "acme", q: "cleo@" })).items[0];
    if (!cleo) throw new Error("no cleo");
    await ctx.mock.store.updateInvitation(cleo.id, { reminderSentAt: new Date() });
    const delivery = (row: HTMLElement) =>
      row.querySelector<HTMLElement>("[data-column='delivery']");
    const english = renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const row = await rowFor("cleo@acme.com");
    expect(delivery(row)?.textContent).toBe("✓Reminded");
    expect(delivery(await rowFor("ben@acme.com"))?.textContent).toBe("✓Sent");
    const trigger = delivery(row)?.querySelector<HTMLElement>('[data-slot="delivery"]');
    if (!trigger) throw new Error("no reminder tooltip trigger");
    act(() => trigger.focus());
    const tooltip = document.getElementById(trigger.getAttribute("aria-describedby") ?? "");
    expect(tooltip?.textContent).toMatch(/^Reminder sent .*\d{4}, \d{1,2}:\d{2}/);
    english.unmount();

    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client, {
      locale: "de-DE",
      localization: de,
    });
    expect(delivery(await rowFor("cleo@acme.com"))?.textContent).toBe("✓Erinnert");
  });

  it("R-UI-07: German strings from localization={de}, dates and plurals from the locale", async () => {
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client, {
      locale: "de-DE",
      localization: de,
    });
    expect(await screen.findByRole("tab", { name: "Ausstehend (3)" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Verlauf (1)" })).toBeTruthy();
    const ana = await rowFor("ana@acme.com");
    expect(within(ana).getByRole("button", { name: "Aktionen für ana@acme.com" })).toBeTruthy();
    expect(within(ana).getByText("Ausstehend")).toBeTruthy();
    expect(within(ana).getByText("in 7 Tagen")).toBeTruthy();
    expect(screen.getByRole("columnheader", { name: /Läuft ab/ })).toBeTruthy();
    expect(screen.getByRole("searchbox", { name: "Nach E-Mail-Adresse suchen" })).toBeTruthy();
  });

  it("R-UI-07: a component's localization prop wins over the provider's", async () => {
    renderWithFoyer(
      <InvitationsTable
        tenantId="acme"
        localization={{ invitationsTable: { tabPending: "Open" } }}
      />,
      ctx.client,
      { localization: { invitationsTable: { tabPending: "Waiting", tabHistory: "Past" } } },
    );
    expect(await screen.findByRole("tab", { name: "Open (3)" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Past (1)" })).toBeTruthy();
  });

  it("R-INV-10: Copy link copies a pending invitation's current link, recomputed by the server, also after a resend", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" resendDelivery="both" />, ctx.client);
    const ben = await rowFor("ben@acme.com");
    const trigger = within(ben).getByRole("button", { name: "Actions for ben@acme.com" });
    await user.click(trigger);
    await user.click(screen.getByRole("menuitem", { name: "Copy link" }));
    await screen.findByText("Invite link for ben@acme.com copied.");
    const first = await navigator.clipboard.readText();
    expect(first).toMatch(/^https:\/\/acme\.example\.com\/accept-invite#token=k1\..+/);
    expect((await ctx.client.previewInvitation(first.split("#token=")[1]!)).email).toBe(
      "ben@acme.com",
    );
    expect(ctx.requests.some((r) => r.endsWith("/link"))).toBe(true);
    await user.click(trigger);
    await user.click(screen.getByRole("menuitem", { name: "Resend" }));
    await screen.findByText("Invitation to ben@acme.com sent again.");
    await user.click(trigger);
    await user.click(screen.getByRole("menuitem", { name: "Copy link" }));
    await waitFor(async () => expect(await navigator.clipboard.readText()).not.toBe(first));
    const second = await navigator.clipboard.readText();
    expect((await ctx.client.previewInvitation(second.split("#token=")[1]!)).email).toBe(
      "ben@acme.com",
    );
  });

  it("R-INV-09: without a tenantId an MSP admin sees every tenant, with a tenant column", async () => {
    renderWithFoyer(<InvitationsTable />, ctx.client);
    const ana = await rowFor("ana@acme.com");
    expect(screen.getByRole("columnheader", { name: "Organisation" })).toBeTruthy();
    expect(within(ana).getByText(/Acme/)).toBeTruthy();
    expect(listRequests(ctx.requests)[0]).not.toContain("tenantId=");
  });

  it("R-UI-05: the tab can be controlled by the host", async () => {
    const user = userEvent.setup();
    const changes: string[] = [];
    renderWithFoyer(
      <InvitationsTable tenantId="acme" tab="history" onTabChange={(tab) => changes.push(tab)} />,
      ctx.client,
    );
    await rowFor("dev@acme.com");
    await user.click(screen.getByRole("tab", { name: /^Pending/ }));
    expect(changes).toEqual(["pending"]);
    // Controlled: the table stays where the host keeps it.
    expect(screen.getByRole("tab", { name: /^History/ }).getAttribute("aria-selected")).toBe(
      "true",
    );
  });

  it("R-UI-08: tabs follow the arrow keys, wrapping around, and Home and End", async () => {
    const user = userEvent.setup();
    renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const pending = await screen.findByRole("tab", { name: "Pending (3)" });
    pending.focus();
    await user.keyboard("{ArrowRight}");
    const history = screen.getByRole("tab", { name: "History (1)" });
    expect(document.activeElement).toBe(history);
    expect(history.getAttribute("aria-selected")).toBe("true");
    expect(await rowFor("dev@acme.com")).toBeTruthy();

    // Wrap-around both ways, then Home and End.
    await user.keyboard("{ArrowRight}");
    expect(document.activeElement?.textContent).toBe("Pending (3)");
    await user.keyboard("{ArrowLeft}");
    expect(document.activeElement?.textContent).toBe("History (1)");
    await user.keyboard("{Home}");
    expect(document.activeElement?.textContent).toBe("Pending (3)");
    expect(document.activeElement?.getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{End}");
    expect(document.activeElement?.textContent).toBe("History (1)");
    await user.keyboard("{ArrowDown}");
    expect(document.activeElement?.textContent).toBe("History (1)");
  });

  it("R-UI-08: no axe violations with rows, an open menu and the confirmation dialog", async () => {
    const user = userEvent.setup();
    const { container } = renderWithFoyer(
      <InvitationsTable tenantId="acme" actions={<button type="button">Invite users</button>} />,
      ctx.client,
    );
    const ana = await rowFor("ana@acme.com");
    expect(await axeViolations(container)).toEqual([]);
    await user.click(within(ana).getByRole("button", { name: "Actions for ana@acme.com" }));
    expect(await axeViolations(container)).toEqual([]);
    await user.click(screen.getByRole("menuitem", { name: "Revoke" }));
    await screen.findByRole("alertdialog");
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe("InvitationsTable states", () => {
  const ctx = useFoyerMock("empty");

  it("R-UI-01: empty Pending shows the message, help and the host's slot", async () => {
    const { container } = renderWithFoyer(
      <InvitationsTable
        tenantId="acme"
        emptyActions={<button type="button">Invite users</button>}
      />,
      ctx.client,
    );
    expect(await screen.findByText("No pending invitations")).toBeTruthy();
    expect(screen.getByText("Invite people and they appear here until they accept.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Invite users" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Pending (0)" })).toBeTruthy();
    expect(container.querySelector('[data-slot="root"]')?.getAttribute("data-state")).toBe("empty");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("R-UI-01: an empty tenant shows the host's invite button once, in the empty state", async () => {
    renderWithFoyer(
      <InvitationsTable
        tenantId="acme"
        actions={<button type="button">Invite users</button>}
        emptyActions={<button type="button">Invite users</button>}
      />,
      ctx.client,
    );
    await screen.findByText("No pending invitations");
    const buttons = screen.getAllByRole("button", { name: "Invite users" });
    expect(buttons).toHaveLength(1);
    expect(buttons[0]?.closest("[data-slot='empty']")).toBeTruthy();
  });

  it("R-UI-01: loading shows skeleton rows, not a spinner", async () => {
    ctx.server.use(
      http.get(`${BASE_URL}/invitations`, async () => {
        await delay("infinite");
        return HttpResponse.json({});
      }),
    );
    const { container } = renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const table = screen.getByRole("table");
    expect(table.getAttribute("aria-busy")).toBe("true");
    expect(container.querySelectorAll('[data-slot="skeleton"]')).toHaveLength(5);
    expect(container.querySelector('[data-slot="root"]')?.getAttribute("data-state")).toBe(
      "loading",
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it("R-UI-01: an error shows the message by code and Retry loads again", async () => {
    const user = userEvent.setup();
    let failures = 1;
    ctx.server.use(
      http.get(`${BASE_URL}/invitations`, () => {
        if (failures-- > 0) {
          return HttpResponse.json(
            { error: { code: "INTERNAL", message: "Something went wrong on our side." } },
            { status: 500 },
          );
        }
        return undefined;
      }),
    );
    const { container } = renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Couldn't load invitations.");
    expect(alert.textContent).toContain(errorsEn.INTERNAL);
    expect(await axeViolations(container)).toEqual([]);
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("No pending invitations")).toBeTruthy();
  });
});

describe("InvitationsTable with 10,000 invitations", () => {
  const ctx = useFoyerMock("busy");
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientHeight");
  const originalRect = Object.getOwnPropertyDescriptor(Element.prototype, "getBoundingClientRect");

  beforeEach(() => {
    // jsdom has no layout: the scrolling area is ten 44 px rows high, at the top of the page,
    // and the rows' tbody starts under a 40 px header, moving up as the area scrolls.
    Object.defineProperty(HTMLElement.prototype, "clientHeight", {
      configurable: true,
      get(this: HTMLElement) {
        if (this.dataset.slot === "scroller") return 440;
        return this.tagName === "TBODY" ? 10_000 * 44 : 0;
      },
    });
    Object.defineProperty(Element.prototype, "getBoundingClientRect", {
      configurable: true,
      value(this: Element) {
        const scroller = this.closest<HTMLElement>('[data-slot="scroller"]');
        const top = this.tagName === "TBODY" && scroller ? 40 - scroller.scrollTop : 0;
        return DOMRect.fromRect({ x: 0, y: top, width: 1000, height: 0 });
      },
    });
  });
  afterEach(() => {
    if (original) Object.defineProperty(HTMLElement.prototype, "clientHeight", original);
    if (originalRect)
      Object.defineProperty(Element.prototype, "getBoundingClientRect", originalRect);
  });

  it("R-UI-01: the DOM holds a bounded number of rows and pages load one at a time near the end", async () => {
    const { container } = renderWithFoyer(<InvitationsTable tenantId="acme" />, ctx.client);
    await waitFor(() =>
      expect(container.querySelectorAll('[data-slot="row"]').length).toBeGreaterThan(5),
    );
    const table = screen.getByRole("table");
    const pending = Number(table.getAttribute("aria-rowcount")) - 1;
    expect(pending).toBeGreaterThan(1000);
    const firstRows = container.querySelectorAll('[data-slot="row"]').length;
    expect(firstRows).toBeLessThanOrEqual(40);
    expect(listRequests(ctx.requests)).toHaveLength(1);

    // Scroll to the middle of the first page: nothing more is fetched.
    const scroller = container.querySelector<HTMLElement>('[data-slot="scroller"]');
    if (!scroller) throw new Error("no scroller");
    const scrollTo = async (top: number) => {
      await act(async () => {
        scroller.scrollTop = top;
        fireEvent.scroll(scroller);
      });
    };
    await scrollTo(10 * 44);
    expect(listRequests(ctx.requests)).toHaveLength(1);

    // Near the end of the 50 loaded rows: exactly one more page.
    await scrollTo(40 * 44);
    await waitFor(() =>
      expect(
        container.querySelectorAll('[data-slot="row"]')[0]?.getAttribute("aria-rowindex"),
      ).not.toBe("2"),
    );
    await waitFor(() => expect(listRequests(ctx.requests)).toHaveLength(2));
    expect(listRequests(ctx.requests)[1]).toContain("cursor=");
    await waitFor(() => expect(screen.queryByText("Loading more invitations…")).toBeNull());
    expect(container.querySelectorAll('[data-slot="row"]').length).toBeLessThanOrEqual(40);
    expect(listRequests(ctx.requests)).toHaveLength(2);
  });
});

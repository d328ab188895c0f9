import { createFoyerClient } from "@foyer/client";
import type { BatchResult } from "@foyer/core";
import { type ActorKey, createFoyerMsw, type FoyerMsw } from "@foyer/msw";
import { QueryClient } from "@tanstack/react-query";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { de } from "../../localization/de.ts";
import type { DeepPartial, FoyerLocalization } from "../../localization/types.ts";
import { FoyerProvider } from "../../provider/foyer-provider.tsx";
import { foyerKeys } from "../../query/keys.ts";
import { loadResponseSchemas } from "../../test/foyer-test.tsx";
import { BulkInviteModal, type BulkInviteModalProps } from "./bulk-invite-modal.tsx";

const BASE = "http://localhost/api/foyer";
/**
 * The results' headline. The polite live region reads the same words out once the results
 * are drawn, so a query by text alone finds one element or two, depending on timing.
 */
const SUMMARY = { selector: "[data-slot=summary-line]" };
const server = setupServer();

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  await loadResponseSchemas();
  // Compile the dialog's body (a chunk the component imports on mount) before the tests time anything; the
  // state before it arrives has its own test file.
  await import("./bulk-invite-body.tsx");
});
afterEach(() => {
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

interface Sent {
  emails: string[];
  names: Record<string, string | null> | undefined;
  dryRun: boolean;
  idempotencyKey: string | null;
}

/** Whether a request is a real create (not the modal's dry run of the batch). */
async function isRealCreate(request: Request): Promise<boolean> {
  const body = (await request.clone().json()) as { dryRun?: boolean };
  return body.dryRun !== true;
}

async function setup(options: { actor?: ActorKey } = {}) {
  const mock = createFoyerMsw({
    baseUrl: BASE,
    scenario: "empty",
    actor: options.actor ?? "mspAdmin",
  });
  await mock.ready;
  server.use(...mock.handlers);
  const sent: Sent[] = [];
  server.events.on("request:start", async ({ request }) => {
    if (request.method !== "POST" || !request.url.endsWith("/invitations")) return;
    const body = (await request.clone().json()) as {
      emails: string[];
      names?: Record<string, string | null>;
      dryRun?: boolean;
    };
    sent.push({
      emails: body.emails,
      names: body.names,
      dryRun: body.dryRun === true,
      idempotencyKey: request.headers.get("idempotency-key"),
    });
  });
  return { mock, sent };
}

function renderModal(
  props: Partial<BulkInviteModalProps> = {},
  queryClient?: QueryClient,
  locale = "en",
  localization?: DeepPartial<FoyerLocalization>,
) {
  const client = createFoyerClient({ baseUrl: BASE, retry: 0 });
  const user = userEvent.setup();
  const view = render(
    <FoyerProvider
      client={client}
      locale={locale}
      localization={localization}
      {...(queryClient ? { queryClient } : {})}
    >
      <BulkInviteModal tenantId="acme" defaultOpen {...props} />
    </FoyerProvider>,
  );
  return { user, ...view };
}

function addressInput(): HTMLInputElement {
  return screen.getByRole("textbox", { name: "Email addresses" });
}

function chips(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("[data-slot='chip']")];
}

async function pendingInvitations(mock: FoyerMsw): Promise<{ emails: string[]; count: number }> {
  const page = await mock.foyer.services.listInvitations(mock.fixture.actors.mspAdmin, {
    tenantId: "acme",
    status: "pending",
    counts: "true",
  });
  return {
    emails: page.items.map((invitation) => invitation.email),
    count: page.counts?.pending ?? -1,
  };
}

function csvFile(lines: string[], name = "people.csv"): File {
  return new File([lines.join("\n")], name, { type: "text/csv" });
}

/** How long to wait for the debounced dry run of the batch (R-INV-16) to come back. */
const CHECKED = { timeout: 5000 };

async function waitForRoles() {
  await screen.findByRole("radio", { name: /Client user/ });
}

describe("BulkInviteModal", () => {
  it("R-UI-02 R-INV-02: typed and pasted addresses become chips; one invalid is marked and not counted", async () => {
    await setup();
    const { user } = renderModal();
    await waitForRoles();
    await user.type(addressInput(), "ana@acme.com, not-an-address ");
    await user.paste("cy@acme.com");
    const all = chips();
    expect(all.map((chip) => chip.querySelector(".foyer-chip__text")?.textContent)).toEqual([
      "ana@acme.com",
      "not-an-address",
      "cy@acme.com",
    ]);
    expect(all.map((chip) => chip.dataset.state)).toEqual(["valid", "invalid", "valid"]);
    const invalidRemove = within(all[1] as HTMLElement).getByRole("button", {
      name: "Remove not-an-address",
    });
    expect(invalidRemove.getAttribute("aria-describedby")).toBeTruthy();
    expect(
      document.getElementById(invalidRemove.getAttribute("aria-describedby") ?? "")?.textContent,
    ).toBe("Not a valid email address");
    expect(screen.getByRole("button", { name: "Send 2 invitations" })).toBeTruthy();
  });

  it("R-INV-02: a repeated address is marked as duplicate; Backspace and Delete remove chips by keyboard", async () => {
    await setup();
    const { user } = renderModal();
    await waitForRoles();
    await user.type(addressInput(), "ana@acme.com, ANA@Acme.com, ben@acme.com,");
    expect(chips().map((chip) => chip.dataset.state)).toEqual(["valid", "duplicate", "valid"]);
    const duplicate = within(chips()[1] as HTMLElement).getByRole("button");
    expect(
      document.getElementById(duplicate.getAttribute("aria-describedby") ?? "")?.textContent,
    ).toBe("Already in the list");
    expect(screen.getByRole("button", { name: "Send 2 invitations" })).toBeTruthy();

    // Backspace in the empty field removes the last chip.
    await user.keyboard("{Backspace}");
    expect(chips()).toHaveLength(2);
    // ArrowLeft moves onto the chips; Delete removes the focused one.
    await user.keyboard("{ArrowLeft}");
    expect(document.activeElement).toBe(within(chips()[1] as HTMLElement).getByRole("button"));
    await user.keyboard("{Delete}");
    expect(chips().map((chip) => chip.dataset.state)).toEqual(["valid"]);
    expect(screen.getByRole("button", { name: "Send 1 invitation" })).toBeTruthy();
  });

  it("R-INV-02: a CSV file with a header row gives a preview with invalid rows marked and the counts", async () => {
    const { sent } = await setup();
    const { user } = renderModal();
    await waitForRoles();
    await user.click(screen.getByRole("radio", { name: "Upload CSV" }));
    await user.upload(
      screen.getByLabelText("Choose file"),
      csvFile([
        "Name,Email,Team",
        "Ana,ana@acme.com,Ops",
        "Ben,ben@acme,Ops",
        "Cy,cy@acme.com,Dev",
        "Di,di@acme.com,Dev",
      ]),
    );
    expect(await screen.findByText("4 addresses, 1 invalid")).toBeTruthy();
    const table = screen.getByRole("table");
    // R-UI-08: the preview scrolls from five rows on; Tab reaches it so arrows can scroll it.
    const region = screen.getByRole("region", { name: "First 4 of 4 rows" });
    expect(region.contains(table)).toBe(true);
    expect(region.tabIndex).toBe(0);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.dataset.state)).toEqual(["valid", "invalid", "valid", "valid"]);
    expect(within(rows[1] as HTMLElement).getByText("ben@acme")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText("Not a valid email address")).toBeTruthy();
    // The file's name column names each person, in the preview and in the request.
    expect(within(rows[0] as HTMLElement).getByText("Ana")).toBeTruthy();
    expect(await screen.findByRole("button", { name: "Send 3 invitations" })).toBeTruthy();
    await waitFor(
      () => expect(within(rows[0] as HTMLElement).getByText("Will be invited")).toBeTruthy(),
      CHECKED,
    );
    expect(sent.at(-1)).toMatchObject({
      dryRun: true,
      emails: ["ana@acme.com", "cy@acme.com", "di@acme.com"],
      names: { "ana@acme.com": "Ana", "cy@acme.com": "Cy", "di@acme.com": "Di" },
    });
  });

  it("R-INV-02: a CSV file without a header finds the email column among others", async () => {
    await setup();
    const { user } = renderModal();
    await waitForRoles();
    await user.click(screen.getByRole("radio", { name: "Upload CSV" }));
    await user.upload(
      screen.getByLabelText("Choose file"),
      csvFile(
        ["Ana;Smith;ana@acme.com", "Ben;Jones;ben@@acme.com", "Cy;Lee;cy@acme.com"],
        "no-header.csv",
      ),
    );
    expect(await screen.findByText("3 addresses, 1 invalid")).toBeTruthy();
    const rows = within(screen.getByRole("table")).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining("ana@acme.com"),
      expect.stringContaining("ben@@acme.com"),
      expect.stringContaining("cy@acme.com"),
    ]);
    expect(rows[1]?.dataset.state).toBe("invalid");
  });

  it("R-INV-16: Preview runs a dry run that lists what would be skipped and why, and creates nothing", async () => {
    const { mock, sent } = await setup();
    const { user } = renderModal();
    await waitForRoles();
    await user.type(
      addressInput(),
      "dana@acme.example.com, new.one@acme.com, new.two@acme.com, broken@,",
    );
    await user.click(screen.getByRole("button", { name: "Preview" }));
    const results = await screen.findByRole("heading", { name: "Preview" });
    const section = results.closest("section") as HTMLElement;
    expect(
      await within(section).findByText("2 invitations would be sent · 2 would be skipped"),
    ).toBeTruthy();
    expect(within(section).getByRole("heading", { name: "Already a member (1)" })).toBeTruthy();
    expect(
      within(section).getByRole("list", { name: "Already a member (1)" }).textContent,
    ).toContain("dana@acme.example.com");
    expect(within(section).getByRole("heading", { name: "Invalid address (1)" })).toBeTruthy();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((request) => request.dryRun)).toBe(true);
    expect((await pendingInvitations(mock)).count).toBe(0);
    expect(screen.getByRole("button", { name: "Send 2 invitations" })).toBeTruthy();
  });

  it("R-INV-02 R-UI-02: 1,200 addresses go out in two chunks with their own Idempotency-Keys and progress; closing is refused while sending", async () => {
    const { mock, sent } = await setup();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let posts = 0;
    // Holds the second chunk until the test has seen the progress; then falls through to the mock.
    server.use(
      http.post(`${BASE}/invitations`, async ({ request }) => {
        if (!(await isRealCreate(request))) return;
        posts++;
        if (posts === 2) await gate;
      }),
    );
    const onInvited = vi.fn<(result: BatchResult) => void>();
    const onOpenChange = vi.fn<(open: boolean) => void>();
    const { user } = renderModal({ onInvited, onOpenChange });
    await waitForRoles();
    await user.click(screen.getByRole("radio", { name: "Upload CSV" }));
    const lines = Array.from({ length: 1200 }, (_, i) => `person${i}@acme.com`);
    await user.upload(screen.getByLabelText("Choose file"), csvFile(["email", ...lines]));
    await screen.findByText("1,200 addresses, 0 invalid");
    await user.click(screen.getByRole("button", { name: "Send 1,200 invitations" }));

    const progress = await screen.findByRole("progressbar");
    await waitFor(() => expect(progress.getAttribute("aria-valuenow")).toBe("1000"));
    expect(screen.getByText("Sending 1,000 of 1,200…")).toBeTruthy();
    await user.keyboard("{Escape}");
    expect(screen.getByRole("dialog")).toBeTruthy();
    expect(onOpenChange).not.toHaveBeenCalled();
    release();

    expect(
      await screen.findByText("1,200 invited · 0 skipped", SUMMARY, { timeout: 15_000 }),
    ).toBeTruthy();
    const real = sent.filter((request) => !request.dryRun);
    expect(real.map((request) => request.emails.length)).toEqual([1000, 200]);
    expect(real[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(real[1]?.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(real[0]?.idempotencyKey).not.toBe(real[1]?.idempotencyKey);
    expect(onInvited).toHaveBeenCalledTimes(1);
    expect(onInvited.mock.calls[0]?.[0].created).toHaveLength(1200);
    expect((await pendingInvitations(mock)).count).toBe(1200);
  }, 60_000);

  it("R-UI-02 R-INV-02 R-UI-08: the results summary groups skipped addresses by reason, is announced, offers Copy links and invalidates the lists", async () => {
    await setup();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const listKey = foyerKeys.invitations.list({ tenantId: "acme", status: "pending" });
    queryClient.setQueryData(listKey, { pages: [], pageParams: [] });
    const onInvited = vi.fn<(result: BatchResult) => void>();
    const { user } = renderModal({ onInvited }, queryClient);
    await waitForRoles();
    await user.type(
      addressInput(),
      "ana@acme.com, ben@acme.com, ana@acme.com, dana@acme.example.com, oops,",
    );
    await user.click(screen.getByRole("radio", { name: /Copy links/ }));
    // Three are valid here; the server then finds that Dana is already a member.
    await user.click(screen.getByRole("button", { name: "Send 3 invitations" }));

    const heading = await screen.findByRole("heading", { name: "Results" });
    const section = heading.closest("section") as HTMLElement;
    expect(within(section).getByText("2 invited · 3 skipped")).toBeTruthy();
    expect(within(section).getByRole("heading", { name: "Invalid address (1)" })).toBeTruthy();
    expect(
      within(section).getByRole("heading", { name: "Repeated in this list (1)" }),
    ).toBeTruthy();
    expect(within(section).getByRole("heading", { name: "Already a member (1)" })).toBeTruthy();
    const announcer = document.querySelector("[data-slot='announcer']");
    expect(announcer?.getAttribute("aria-live")).toBe("polite");
    await waitFor(() => expect(announcer?.textContent).toBe("2 invited · 3 skipped"));
    expect(onInvited.mock.calls[0]?.[0].skipped.map((s) => s.reason).sort()).toEqual([
      "already_member",
      "duplicate_in_batch",
      "invalid_email",
    ]);
    expect(queryClient.getQueryState(listKey)?.isInvalidated).toBe(true);

    await user.click(screen.getByRole("button", { name: "Copy links" }));
    const copied = await navigator.clipboard.readText();
    expect(copied.split("\n")).toHaveLength(2);
    expect(copied).toMatch(/^ana@acme\.com\thttps:\/\//);
    expect(announcer?.textContent).toBe("Links copied");
  });

  it("R-UI-02 R-TEN-04: only grantable roles are offered, each with its description; expiry stops at the tenant's maximum", async () => {
    const { mock } = await setup({ actor: "acmeAdmin" });
    const acme = await mock.store.getTenant("acme");
    if (!acme) throw new Error("fixture without acme");
    await mock.store.upsertTenant({
      ...acme,
      settings: { ...acme.settings, defaultExpiry: "3d", maxExpiry: "14d" },
    });
    await mock.foyer.admin.upsertRole({
      id: "client_user",
      name: "Client user",
      rank: 10,
      tenantId: "northwind",
      description: "Uses the apps; no admin rights.",
    });
    const { user } = renderModal({ tenantId: undefined });
    await waitForRoles();
    const roles = screen
      .getAllByRole("radio", { name: /admin|user|technician/i })
      .filter((radio) => radio.getAttribute("name")?.endsWith("-role"));
    expect(
      roles.map(
        (radio) => radio.closest("label")?.querySelector(".foyer-role-option__name")?.textContent,
      ),
    ).toEqual(["Client user", "Client admin"]);
    expect(screen.queryByRole("radio", { name: /MSP/ })).toBeNull();
    const clientUser = screen.getByRole("radio", { name: /Client user/ });
    const description = document.getElementById(clientUser.getAttribute("aria-describedby") ?? "");
    expect(description?.textContent).toBe("Uses the apps; no admin rights.");
    // One tenant in reach: no tenant choice.
    expect(screen.queryByRole("combobox", { name: "Organisation" })).toBeNull();
    const expires = screen.getByRole("combobox", { name: "Expires after" }) as HTMLSelectElement;
    expect([...expires.options].map((o) => o.textContent)).toEqual([
      "24 hours",
      "3 days (default)",
      "7 days",
      "14 days",
    ]);
    expect(expires.value).toBe("3d");
    expect(screen.getByText("0 / 1,000")).toBeTruthy();
    await user.type(screen.getByRole("textbox", { name: "Message (optional)" }), "Welcome");
    expect(screen.getByText("7 / 1,000")).toBeTruthy();
  });

  it("R-UI-02: an MSP admin picks the tenant; roles follow the tenant", async () => {
    await setup();
    const { user } = renderModal({ tenantId: undefined, defaultTenantId: "acme" });
    const tenant = (await screen.findByRole("combobox", {
      name: "Organisation",
    })) as HTMLSelectElement;
    expect([...tenant.options].map((o) => o.textContent).sort()).toEqual([
      "Acme Corp",
      "Globex",
      "Northwind IT",
    ]);
    expect(tenant.value).toBe("acme");
    await waitForRoles();
    await user.selectOptions(tenant, "northwind");
    await screen.findByRole("radio", { name: /MSP technician/ });
  });

  it("R-TEN-05: an MSP admin inviting into a client tenant is offered no MSP staff role; they show in the MSP tenant only", async () => {
    await setup();
    const { user } = renderModal({ tenantId: undefined, defaultTenantId: "acme" });
    const tenant = (await screen.findByRole("combobox", {
      name: "Organisation",
    })) as HTMLSelectElement;
    const roleNames = () =>
      screen
        .getAllByRole("radio")
        .filter((radio) => radio.getAttribute("name")?.endsWith("-role"))
        .map(
          (radio) => radio.closest("label")?.querySelector(".foyer-role-option__name")?.textContent,
        );
    await waitForRoles();
    expect(roleNames()).toEqual(["Client user", "Client admin"]);

    await user.selectOptions(tenant, "northwind");
    await user.click(await screen.findByRole("radio", { name: /MSP admin/ }));
    expect(roleNames()).toEqual(["Client user", "Client admin", "MSP technician", "MSP admin"]);

    // Back in the client tenant the MSP role is gone, and so is the choice of it.
    await user.selectOptions(tenant, "globex");
    await waitFor(() => expect(screen.queryByRole("radio", { name: /MSP/ })).toBeNull());
    expect(roleNames()).toEqual(["Client user", "Client admin"]);
    expect((screen.getByRole("radio", { name: /Client user/ }) as HTMLInputElement).checked).toBe(
      true,
    );
  });

  it("R-UI-08 R-UI-02: keyboard only: open, add addresses, send, close", async () => {
    const { mock } = await setup();
    const { user } = renderModal({
      defaultOpen: false,
      trigger: true,
      departments: ["Sales"],
      teams: ["Blue"],
    });
    await user.tab();
    const trigger = screen.getByRole("button", { name: "Invite users" });
    expect(document.activeElement).toBe(trigger);
    await user.keyboard("{Enter}");
    const dialog = await screen.findByRole("dialog", { name: "Invite users" });
    expect(document.activeElement).toBe(addressInput());
    await user.keyboard("kim@acme.com{Enter}lee@acme.com{Enter}");
    expect(chips()).toHaveLength(2);
    await waitForRoles();
    const send = within(dialog).getByRole("button", { name: "Send 2 invitations" });
    for (let i = 0; i < 40 && document.activeElement !== send; i++) await user.tab();
    expect(document.activeElement).toBe(send);
    await user.keyboard("{Enter}");
    await screen.findByText("2 invited · 0 skipped", SUMMARY);
    const done = screen.getByRole("button", { name: "Done" });
    for (let i = 0; i < 10 && document.activeElement !== done; i++) await user.tab();
    expect(document.activeElement).toBe(done);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(document.activeElement).toBe(trigger);
    expect((await pendingInvitations(mock)).emails.sort()).toEqual([
      "kim@acme.com",
      "lee@acme.com",
    ]);
  });

  it("R-UI-08: the open dialog has no axe violations, editing and with results", async () => {
    await setup();
    const { user } = renderModal({ departments: ["Sales"], teams: ["Blue", "Green"] });
    await waitForRoles();
    await user.type(addressInput(), "ana@acme.com, nope,");
    const check = async () => {
      const result = await axe.run(screen.getByRole("dialog"), {
        rules: { "color-contrast": { enabled: false } },
      });
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`),
      ).toEqual([]);
    };
    await check();
    await user.click(screen.getByRole("button", { name: "Send 1 invitation" }));
    await screen.findByText("1 invited · 1 skipped", SUMMARY);
    await check();
  });

  it("R-INV-02 R-SDK-08: a chunk that fails part-way keeps what was sent; Retry resends it with the same Idempotency-Key", async () => {
    const { mock, sent } = await setup();
    let posts = 0;
    server.use(
      http.post(`${BASE}/invitations`, async ({ request }) => {
        if (!(await isRealCreate(request))) return undefined;
        posts++;
        if (posts === 2) return HttpResponse.error();
        return undefined;
      }),
    );
    const onInvited = vi.fn<(result: BatchResult) => void>();
    const { user } = renderModal({ onInvited, chunkSize: 2 });
    await waitForRoles();
    await user.type(addressInput(), "a1@acme.com, a2@acme.com, a3@acme.com,");
    await user.click(screen.getByRole("button", { name: "Send 3 invitations" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Sending stopped after 2 of 3 addresses.");
    expect(screen.getByText("2 invited · 0 skipped")).toBeTruthy();
    expect(onInvited).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("3 invited · 0 skipped", SUMMARY)).toBeTruthy();
    const keys = sent.filter((request) => !request.dryRun).map((request) => request.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[2]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(onInvited).toHaveBeenCalledTimes(1);
    expect((await pendingInvitations(mock)).count).toBe(3);
  });

  it("R-UI-02: Escape, a click beside the dialog, Cancel and × ask before throwing typed addresses away", async () => {
    await setup();
    const onOpenChange = vi.fn<(open: boolean) => void>();
    const { user } = renderModal({ defaultOpen: false, trigger: true, onOpenChange });
    await user.click(screen.getByRole("button", { name: "Invite users" }));
    await waitForRoles();
    // One address as a chip, one still being typed.
    await user.type(addressInput(), "ana@acme.com, ben@acme");
    await user.keyboard("{Escape}");
    const question = await screen.findByRole("alertdialog", { name: "Discard these invitations?" });
    expect(document.activeElement).toBe(
      within(question).getByRole("button", { name: "Keep editing" }),
    );
    await user.click(within(question).getByRole("button", { name: "Keep editing" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(screen.getByRole("dialog", { name: "Invite users" })).toBeTruthy();
    // Nothing was lost: the typed text became a chip when focus went to the question.
    expect(chips().map((chip) => chip.querySelector(".foyer-chip__text")?.textContent)).toEqual([
      "ana@acme.com",
      "ben@acme",
    ]);
    expect(onOpenChange).not.toHaveBeenCalledWith(false);

    // A click on the overlay asks too; so do Cancel and ×.
    const overlay = document.querySelector<HTMLElement>(".foyer-dialog-overlay");
    if (!overlay) throw new Error("no overlay");
    await user.pointer({ keys: "[MouseLeft]", target: overlay });
    await screen.findByRole("alertdialog");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(screen.getByRole("dialog", { name: "Invite users" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Close" }));
    await screen.findByRole("alertdialog");
    await user.click(screen.getByRole("button", { name: "Discard" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(onOpenChange).toHaveBeenLastCalledWith(false);

    // Opened again, it starts empty; with nothing typed, Escape closes at once.
    await user.click(screen.getByRole("button", { name: "Invite users" }));
    await waitForRoles();
    expect(chips()).toHaveLength(0);
    expect(addressInput().value).toBe("");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("R-INV-16 R-INV-03: before anything is sent, the dry run marks an already pending address and the button counts only what will be created", async () => {
    const { mock, sent } = await setup();
    await mock.foyer.services.createInvitations(mock.fixture.actors.mspAdmin, {
      tenantId: "acme",
      emails: ["pending@acme.com"],
      roleId: mock.fixture.roles.clientUser,
    });
    const { user } = renderModal();
    await waitForRoles();
    await user.type(addressInput(), "pending@acme.com, new@acme.com,");
    // The dry run waits for the typing to settle (400 ms), then asks the server.
    await waitFor(
      () => expect(chips().map((chip) => chip.dataset.state)).toEqual(["skipped", "valid"]),
      CHECKED,
    );
    const pending = chips()[0] as HTMLElement;
    expect(pending.dataset.reason).toBe("already_pending");
    expect(within(pending).getByRole("tooltip").textContent).toBe("Already pending");
    expect(await screen.findByRole("button", { name: "Send 1 invitation" }, CHECKED)).toBeTruthy();
    expect(screen.getByText("1 invitation would be sent · 1 would be skipped")).toBeTruthy();
    expect(sent.every((request) => request.dryRun)).toBe(true);
    expect((await pendingInvitations(mock)).count).toBe(1);
  });

  it("R-INV-04: a skip reason the server gives (a deactivated user) shows with core's wording", async () => {
    await setup();
    // The server answers why; the component renders any reason core defines.
    server.use(
      http.post(`${BASE}/invitations`, async ({ request }) => {
        const body = (await request.clone().json()) as { emails: string[]; dryRun?: boolean };
        if (!body.dryRun) return undefined;
        return HttpResponse.json({
          dryRun: true,
          created: [],
          skipped: body.emails.map((email) => ({
            input: email,
            email,
            reason: "deactivated_user",
            message: "This address belongs to a deactivated user.",
          })),
          seatsLeft: null,
        });
      }),
    );
    const { user } = renderModal();
    await waitForRoles();
    await user.type(addressInput(), "pat.former@acme.com,");
    await waitFor(() => expect(chips()[0]?.dataset.reason).toBe("deactivated_user"), CHECKED);
    expect(within(chips()[0] as HTMLElement).getByRole("tooltip").textContent).toBe(
      "Deactivated user",
    );
    expect(screen.getByRole("button", { name: "Send invitations" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Preview" }));
    expect(await screen.findByRole("heading", { name: "Deactivated user (1)" })).toBeTruthy();
  });

  it("R-UI-02: a send that could not reach the server says that nothing was sent", async () => {
    await setup();
    server.use(
      http.post(`${BASE}/invitations`, async ({ request }) =>
        (await isRealCreate(request)) ? HttpResponse.error() : undefined,
      ),
    );
    const { user } = renderModal();
    await waitForRoles();
    await user.type(addressInput(), "ana@acme.com,");
    await user.click(screen.getByRole("button", { name: "Send 1 invitation" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("We couldn't reach the server.");
    expect(alert.textContent).toContain("Nothing was sent. Retry to send the invitation.");
    expect(alert.textContent).not.toMatch(/0 of 1/);
  });

  it("R-SDK-07: a rate-limited send says when to try again", async () => {
    await setup();
    server.use(
      http.post(`${BASE}/invitations`, async ({ request }) =>
        (await isRealCreate(request))
          ? HttpResponse.json(
              { error: { code: "RATE_LIMITED", message: "Too many requests." } },
              { status: 429, headers: { "retry-after": "12" } },
            )
          : undefined,
      ),
    );
    const { user } = renderModal();
    await waitForRoles();
    await user.type(addressInput(), "ana@acme.com,");
    await user.click(screen.getByRole("button", { name: "Send 1 invitation" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Too many attempts. Try again in 12 s.");
  });

  it("R-INV-02: first and last name columns of a CSV name each invitation", async () => {
    const { sent } = await setup();
    const { user } = renderModal();
    await waitForRoles();
    await user.click(screen.getByRole("radio", { name: "Upload CSV" }));
    await user.upload(
      screen.getByLabelText("Choose file"),
      csvFile(["First name;Last name;E-Mail", "Ana;Lima;ana@acme.com", "Ben;;ben@acme.com"]),
    );
    const rows = within(await screen.findByRole("table"))
      .getAllByRole("row")
      .slice(1);
    expect(within(rows[0] as HTMLElement).getByText("Ana Lima")).toBeTruthy();
    await user.click(await screen.findByRole("button", { name: "Send 2 invitations" }));
    await screen.findByText("2 invited · 0 skipped", SUMMARY);
    expect(sent.filter((request) => !request.dryRun).at(-1)?.names).toEqual({
      "ana@acme.com": "Ana Lima",
      "ben@acme.com": "Ben",
    });
  });

  it("R-UI-07: German strings from localization={de}, numbers and plurals from the locale", async () => {
    await setup();
    const { user } = renderModal({}, undefined, "de", de);
    expect(await screen.findByRole("dialog", { name: "Personen einladen" })).toBeTruthy();
    await screen.findByRole("radio", { name: /Client user/ });
    await user.type(screen.getByRole("textbox", { name: "E-Mail-Adressen" }), "ana@acme.com, x,");
    expect(screen.getByRole("button", { name: "1 Einladung senden" })).toBeTruthy();
    expect(screen.getByText(/1 ungültige oder doppelte wird übersprungen/)).toBeTruthy();
    expect(screen.getByText("0 / 1.000")).toBeTruthy();
    const expires = screen.getByRole("combobox", { name: "Gültig für" }) as HTMLSelectElement;
    expect(expires.selectedOptions[0]?.textContent).toBe("7 Tage (Standard)");
  });
});

import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithFoyer, useFoyerMock } from "../../test/foyer-test.tsx";
import { BulkInviteModal } from "./bulk-invite-modal.tsx";

// Its own file, so that the dialog's body (a chunk of its own) is not imported yet when the
// dialog first opens, as on a page that opens it at once.
describe("BulkInviteModal before its body has loaded", () => {
  const foyer = useFoyerMock("empty");

  it("R-UI-08 R-UI-02: opened at once, it shows its title and Loading, then focus starts on the address field", async () => {
    renderWithFoyer(<BulkInviteModal tenantId="acme" defaultOpen />, foyer.client);
    expect(screen.getByRole("dialog", { name: "Invite users" })).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("Loading…");
    // A cold test run compiles the body on its first import: give it time.
    const input = await screen.findByRole(
      "textbox",
      { name: "Email addresses" },
      { timeout: 15_000 },
    );
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(screen.queryByText("Loading…")).toBeNull();
  });
});

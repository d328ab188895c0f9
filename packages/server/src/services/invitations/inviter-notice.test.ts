import type { TenantSettings } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { FoyerServiceError } from "../../errors.ts";
import { a, accept, foyer, inviteOne, useTestFoyer } from "../test-setups.ts";

// The inviter's notice of an accepted invitation (R-EML-01) and the tenant's email
// settings: off and English by default, queued with the accept, rendered at send time.

useTestFoyer();

async function setAcme(settings: Partial<TenantSettings>) {
  const acme = (await foyer.store.getTenant("acme"))!;
  await foyer.admin.upsertTenant({ ...acme, settings: { ...acme.settings, ...settings } });
}

describe("inviter notice and email settings", () => {
  it("R-EML-01: tenants default to English emails and no inviter notice", async () => {
    const acme = await foyer.store.getTenant("acme");
    expect(acme?.settings).toMatchObject({ emailLocale: "en", notifyInviterOnAccept: false });
    const { token } = await inviteOne();
    await accept(token);
    expect((await foyer.store.listEmails({})).map((e) => e.kind)).toEqual([]);
    await foyer.dispatcher.runOnce();
    expect(foyer.mailbox.messages()).toEqual([]);
  });

  it("R-EML-01: with the setting on, the accept queues the inviter's notice as a reference and the dispatcher renders it", async () => {
    await setAcme({ notifyInviterOnAccept: true, emailLocale: "de" });
    const { invitation, token } = await inviteOne();
    await accept(token);
    const queued = await foyer.store.listEmails({ invitationId: invitation.id });
    expect(queued).toEqual([
      expect.objectContaining({
        kind: "inviter_notice",
        to: a.acmeAdmin.email,
        status: "queued",
        data: expect.objectContaining({ inviteeName: "Ana Lopez" }),
      }),
    ]);
    expect(JSON.stringify(queued)).not.toMatch(/accepted your|angenommen/);
    expect(await foyer.dispatcher.runOnce()).toBe(1);
    const mail = foyer.mailbox.latestTo(a.acmeAdmin.email);
    expect(mail?.subject).toBe("Ana Lopez hat Ihre Einladung zu Acme Corp angenommen");
    expect(mail?.text).toContain("Hallo Dana Smith,");
    expect(mail?.links).toEqual([]);
    expect((await foyer.store.listEmails({ invitationId: invitation.id }))[0]?.status).toBe("sent");
    const after = await foyer.services.getInvitation(a.acmeAdmin, invitation.id);
    expect(after.invitation.delivery.status).toBe("none");
  });

  it("R-EML-01: an unknown email language is refused with a 400 naming the field", async () => {
    const acme = (await foyer.store.getTenant("acme"))!;
    const error = await foyer.admin
      .upsertTenant({ ...acme, settings: { ...acme.settings, emailLocale: "fr" as "en" } })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FoyerServiceError);
    expect(error).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
      issues: [expect.objectContaining({ path: "settings.emailLocale" })],
    });
    expect((await foyer.store.getTenant("acme"))?.settings.emailLocale).toBe("en");
  });
});

import type { TenantSettings } from "@foyer/core";
import { describe, expect, it } from "vitest";
import { FoyerServiceError } from "../../errors.ts";
import { tokenFromLink } from "../../fixtures.ts";
import { a, accept, advance, clock, foyer, HOUR, invite, useTestFoyer } from "../test-setups.ts";

useTestFoyer();

const DAY = 24 * HOUR;

/** Turns Acme's reminders on (or changes its settings) through the host API. */
async function acmeSettings(settings: Partial<TenantSettings>) {
  const acme = await foyer.store.getTenant("acme");
  if (!acme) throw new Error("no acme");
  return foyer.admin.upsertTenant({ ...acme, settings: { ...acme.settings, ...settings } });
}

/** Invites by email (7 days) and delivers the invitation email; answers the invitation id. */
async function invited(email: string, delivery: "email" | "link" = "email") {
  const created = await invite(a.acmeAdmin, { emails: [email], delivery });
  const entry = created.created[0];
  if (!entry?.invitation) throw new Error("not created");
  await foyer.dispatcher.runOnce();
  return { id: entry.invitation.id, link: entry.link };
}

/** The reminder emails the mailbox received for an address, newest first. */
async function remindersTo(email: string) {
  const reminderIds = new Set(
    (await foyer.store.listEmails({}))
      .filter((row) => row.kind === "reminder")
      .map((row) => row.id),
  );
  return foyer.mailbox.messages().filter((m) => m.to === email && reminderIds.has(m.id));
}

const reminded = async (id: string) =>
  (await foyer.services.listInvitationEvents(a.acmeAdmin, id, {})).items.filter(
    (event) => event.action === "reminded",
  );

describe("reminders (R-INV-17)", () => {
  it("R-INV-17: reminders are off by default, with a lead time of 48 hours", async () => {
    expect((await foyer.store.getTenant("acme"))?.settings).toMatchObject({
      reminderEnabled: false,
      reminderLeadHours: 48,
    });
    const { id } = await invited("ana@acme.com");
    advance(6 * DAY);
    expect(await foyer.services.sendReminders()).toBe(0);
    await foyer.dispatcher.runOnce();
    expect(await remindersTo("ana@acme.com")).toEqual([]);
    expect(await reminded(id)).toEqual([]);
  });

  it("R-INV-17: a due invitation gets exactly one reminder from the dispatcher, with the link, audited and shown on the invitation", async () => {
    await acmeSettings({ reminderEnabled: true, reminderLeadHours: 48 });
    const { id } = await invited("ana@acme.com");
    advance(5 * DAY - HOUR);
    await foyer.dispatcher.runOnce();
    await foyer.dispatcher.runOnce();
    expect(await remindersTo("ana@acme.com")).toEqual([]);

    advance(2 * HOUR);
    const remindedAt = clock.toISOString();
    await foyer.dispatcher.runOnce(); // the round's sweep queues the reminder…
    await foyer.dispatcher.runOnce(); // …and the next round delivers it
    const [mail, ...more] = await remindersTo("ana@acme.com");
    expect(more).toEqual([]);
    expect(mail?.subject).toMatch(/reminder/i);
    const link = mail?.links.find((href) => href.includes("#token="));
    expect((await foyer.services.previewInvitation(tokenFromLink(link!))).email).toBe(
      "ana@acme.com",
    );

    const { invitation } = await foyer.services.getInvitation(a.acmeAdmin, id);
    expect(invitation.reminderSentAt).toBe(remindedAt);
    expect(invitation.delivery.status).toBe("sent");
    expect(await reminded(id)).toEqual([
      expect.objectContaining({
        action: "reminded",
        source: "system",
        actor: null,
        subjectEmail: "ana@acme.com",
        at: remindedAt,
        data: { expiresAt: invitation.expiresAt },
      }),
    ]);
    const emails = await foyer.store.listEmails({ invitationId: id });
    expect(emails.filter((email) => email.kind === "reminder")).toEqual([
      expect.objectContaining({ status: "sent", data: { generation: 1 } }),
    ]);

    advance(HOUR);
    expect(await foyer.services.sendReminders()).toBe(0);
    await foyer.dispatcher.runOnce();
    expect(await remindersTo("ana@acme.com")).toHaveLength(1);
  });

  it("R-INV-17: none for revoked, accepted, expired, already reminded, link-only or failed invitations", async () => {
    await acmeSettings({ reminderEnabled: true });
    const revoked = await invited("rev@acme.com");
    const accepted = await invited("acc@acme.com");
    const linkOnly = await invited("link@acme.com", "link");
    const due = await invited("due@acme.com");
    await foyer.services.revokeInvitation(a.acmeAdmin, revoked.id);
    const mail = foyer.mailbox.latestTo("acc@acme.com");
    await accept(tokenFromLink(mail!.links.find((href) => href.includes("#token="))!));
    advance(6 * DAY);
    expect(await foyer.services.sendReminders()).toBe(1);
    expect(await foyer.services.sendReminders()).toBe(0);
    advance(DAY + HOUR);
    await invited("late@acme.com"); // sent now: its reminder point is days away
    expect(await foyer.services.sendReminders()).toBe(0);
    await foyer.dispatcher.runOnce();
    for (const address of ["rev@acme.com", "acc@acme.com", "link@acme.com", "due@acme.com"]) {
      expect(await remindersTo(address)).toEqual([]);
    }
    for (const { id } of [revoked, accepted, linkOnly]) expect(await reminded(id)).toEqual([]);
    // The due one was reminded, expired before its reminder went out, and it was cancelled.
    expect(await reminded(due.id)).toHaveLength(1);
    const [reminder] = (await foyer.store.listEmails({ invitationId: due.id })).filter(
      (email) => email.kind === "reminder",
    );
    expect(reminder).toMatchObject({ status: "cancelled", lastError: "The invitation is expired" });
    expect(linkOnly.link).toBeTruthy();
  });

  it("R-INV-17: an invitation resent after its reminder is reminded again before its new expiry", async () => {
    await acmeSettings({ reminderEnabled: true, reminderLeadHours: 24 });
    const { id } = await invited("ana@acme.com");
    advance(6 * DAY + HOUR);
    await foyer.dispatcher.runOnce();
    await foyer.dispatcher.runOnce();
    expect(await remindersTo("ana@acme.com")).toHaveLength(1);

    const resent = await foyer.services.resendInvitation(a.acmeAdmin, id, {});
    expect(resent.invitation.reminderSentAt).toBeNull();
    await foyer.dispatcher.runOnce();
    advance(5 * DAY);
    expect(await foyer.services.sendReminders()).toBe(0);
    advance(DAY + HOUR);
    expect(await foyer.services.sendReminders()).toBe(1);
    await foyer.dispatcher.runOnce();
    const reminders = await remindersTo("ana@acme.com");
    expect(reminders).toHaveLength(2);
    // The new reminder carries the resent link: the first one's token no longer works.
    const latest = reminders[0]!.links.find((href) => href.includes("#token="))!;
    const earliest = reminders[1]!.links.find((href) => href.includes("#token="))!;
    expect(latest).not.toBe(earliest);
    expect((await foyer.services.previewInvitation(tokenFromLink(latest))).email).toBe(
      "ana@acme.com",
    );
    expect(await reminded(id)).toHaveLength(2);
  });

  it("R-INV-17: a tenant that turns reminders off gets none, and one turned on again catches up", async () => {
    await acmeSettings({ reminderEnabled: true });
    await invited("ana@acme.com");
    await acmeSettings({ reminderEnabled: false });
    advance(6 * DAY);
    expect(await foyer.services.sendReminders()).toBe(0);
    await acmeSettings({ reminderEnabled: true });
    expect(await foyer.services.sendReminders()).toBe(1);
  });

  it("R-INV-17: the lead time is validated: an integer from 1 to 720 hours, refused naming the field", async () => {
    for (const bad of [0, 721, 1.5, -4]) {
      const error = await acmeSettings({ reminderLeadHours: bad }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FoyerServiceError);
      expect(error).toMatchObject({
        code: "VALIDATION_FAILED",
        status: 400,
        issues: [expect.objectContaining({ path: "settings.reminderLeadHours" })],
      });
    }
    const error = await acmeSettings({ reminderLeadHours: "48" as unknown as number }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ issues: [{ path: "settings.reminderLeadHours" }] });
    expect((await acmeSettings({ reminderLeadHours: 720 })).settings.reminderLeadHours).toBe(720);
    expect((await foyer.store.getTenant("acme"))?.settings.reminderLeadHours).toBe(720);
  });
});

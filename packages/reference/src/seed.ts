import type { Actor, Permission } from "@foyer/core";
import type { Foyer, PasswordHasher, RoleInput, TenantInput } from "@foyer/server";
import type { Kysely } from "kysely";
import type { RefTables } from "./schema.ts";
import { displayName, findUserByEmail, insertUser } from "./users.ts";

// Demo data that covers the five seed documents: an MSP (Tether-style catalog) with two client
// tenants, a SecureLink-style tenant and a Guardian-style one. Everything is keyed by fixed ids
// and addresses, so running the seed again finds it all in place and changes nothing.

const ADMIN: Permission[] = [
  "invitations:read",
  "invitations:create",
  "invitations:revoke",
  "invite_links:manage",
];

/** Ids of the seeded tenants. */
export const DEMO_TENANTS = {
  northwind: "northwind",
  acme: "acme",
  globex: "globex",
  securelink: "securelink",
  guardian: "guardian",
} as const;

const TENANTS: TenantInput[] = [
  { id: DEMO_TENANTS.northwind, name: "Northwind IT" },
  {
    id: DEMO_TENANTS.acme,
    name: "Acme Corp",
    parentId: DEMO_TENANTS.northwind,
    // Served by the demo itself (web/public), so the invitee page loads nothing from elsewhere.
    logoUrl: "/assets/demo/acme-logo.svg",
    accentColor: "#4f46e5",
    inviteBaseUrl: "https://acme.example.com",
  },
  {
    id: DEMO_TENANTS.globex,
    name: "Globex",
    parentId: DEMO_TENANTS.northwind,
    ssoEnabled: true,
    seatLimit: 5,
  },
  { id: DEMO_TENANTS.securelink, name: "SecureLink" },
  { id: DEMO_TENANTS.guardian, name: "Guardian Pro" },
];

const ROLES: RoleInput[] = [
  // Tether (004): MSP staff roles are granted only by MSP staff; client_admin ranks below
  // them, so a client admin grants at most client_admin (R-TEN-04).
  {
    id: "msp_admin",
    name: "MSP admin",
    rank: 100,
    permissions: ADMIN,
    mspStaff: true,
    tenantId: DEMO_TENANTS.northwind,
  },
  {
    id: "msp_technician",
    name: "MSP technician",
    rank: 80,
    permissions: ["invitations:read", "invitations:create"],
    mspStaff: true,
    tenantId: DEMO_TENANTS.northwind,
  },
  {
    id: "client_admin",
    name: "Client admin",
    rank: 50,
    permissions: ADMIN,
    tenantId: DEMO_TENANTS.northwind,
  },
  { id: "client_user", name: "Client user", rank: 10, tenantId: DEMO_TENANTS.northwind },
  // SecureLink (000).
  {
    id: "securelink_superadmin",
    name: "SuperAdmin",
    rank: 100,
    permissions: ADMIN,
    tenantId: DEMO_TENANTS.securelink,
  },
  {
    id: "securelink_tenantadmin",
    name: "TenantAdmin",
    rank: 50,
    permissions: ADMIN,
    tenantId: DEMO_TENANTS.securelink,
  },
  { id: "securelink_vpn_user", name: "VPN User", rank: 10, tenantId: DEMO_TENANTS.securelink },
  // Guardian Pro (003).
  {
    id: "guardian_admin",
    name: "Admin",
    rank: 100,
    permissions: ADMIN,
    tenantId: DEMO_TENANTS.guardian,
  },
  { id: "guardian_standard", name: "Standard", rank: 50, tenantId: DEMO_TENANTS.guardian },
  { id: "guardian_readonly", name: "Read-Only", rank: 10, tenantId: DEMO_TENANTS.guardian },
];

/** A seeded account and how to sign in with it. */
export interface SeededSignIn {
  email: string;
  password: string;
  firstName: string;
  lastName: string;
  tenantId: string;
  tenantName: string;
  roleId: string;
  roleName: string;
  /** What the account shows off. */
  note: string;
}

/** The seeded sign-ins. Demo passwords: never reuse them anywhere real. */
export const SEEDED_SIGN_INS: readonly SeededSignIn[] = [
  {
    email: "morgan@northwind.example",
    password: "Northwind-Demo-2026!",
    firstName: "Morgan",
    lastName: "Blake",
    tenantId: DEMO_TENANTS.northwind,
    tenantName: "Northwind IT",
    roleId: "msp_admin",
    roleName: "MSP admin",
    note: "MSP admin: manages Northwind IT, Acme Corp and Globex",
  },
  {
    email: "alex@acme.example",
    password: "Acme-Demo-2026!",
    firstName: "Alex",
    lastName: "Rivera",
    tenantId: DEMO_TENANTS.acme,
    tenantName: "Acme Corp",
    roleId: "client_admin",
    roleName: "Client admin",
    note: "client admin of Acme Corp: grants up to client_admin",
  },
  {
    email: "gina@globex.example",
    password: "Globex-Demo-2026!",
    firstName: "Gina",
    lastName: "Park",
    tenantId: DEMO_TENANTS.globex,
    tenantName: "Globex",
    roleId: "client_admin",
    roleName: "Client admin",
    note: "client admin of Globex: SSO on, seat limit 5",
  },
  {
    email: "sam@securelink.example",
    password: "SecureLink-Demo-2026!",
    firstName: "Sam",
    lastName: "Okafor",
    tenantId: DEMO_TENANTS.securelink,
    tenantName: "SecureLink",
    roleId: "securelink_superadmin",
    roleName: "SuperAdmin",
    note: "SuperAdmin of SecureLink (SuperAdmin / TenantAdmin / VPN User)",
  },
  {
    email: "grace@guardian.example",
    password: "Guardian-Demo-2026!",
    firstName: "Grace",
    lastName: "Lindqvist",
    tenantId: DEMO_TENANTS.guardian,
    tenantName: "Guardian Pro",
    roleId: "guardian_admin",
    roleName: "Admin",
    note: "Admin of Guardian Pro (Admin / Standard / Read-Only)",
  },
];

/** A deactivated Acme user: inviting this address is refused (R-INV-04). */
export const SEEDED_INACTIVE_USER = {
  email: "pat.former@acme.example",
  firstName: "Pat",
  lastName: "Former",
  tenantId: DEMO_TENANTS.acme,
  roleId: "client_user",
} as const;

/**
 * The Acme user who accepted a seeded invitation: a plain user without admin permissions
 * (created through Foyer's accept, so not in `SEEDED_SIGN_INS`).
 */
export const SEEDED_ACCEPTED_USER: SeededSignIn = {
  email: "chris.wong@acme.example",
  password: "Acme-User-Demo-2026!",
  firstName: "Chris",
  lastName: "Wong",
  tenantId: DEMO_TENANTS.acme,
  tenantName: "Acme Corp",
  roleId: "client_user",
  roleName: "Client user",
  note: "plain user of Acme Corp (accepted an invitation): no admin permissions",
};

/** Addresses of the seeded Acme invitations, by the state the seed leaves them in. */
export const SEEDED_INVITATIONS = {
  pending: ["jordan.lee@acme.example", "sam.taylor@acme.example", "riley.chen@acme.example"],
  accepted: [SEEDED_ACCEPTED_USER.email],
  revoked: ["dana.fox@acme.example"],
  expired: ["eli.park@acme.example"],
} as const;

/** What the seed needs. */
export interface SeedDeps {
  foyer: Foyer;
  db: Kysely<RefTables>;
  passwordHasher: PasswordHasher;
  /** The same Foyer with its clock set to `now`: backdates the expired invitation. */
  foyerAt(now: Date): Foyer;
  now?: () => Date;
}

/** What a seed run did. */
export interface SeedResult {
  /** Users and invitations the run created (0 when everything was already there). */
  created: { users: number; members: number; invitations: number };
  signIns: readonly SeededSignIn[];
}

async function actorFor(db: Kysely<RefTables>, email: string): Promise<Actor> {
  const user = await findUserByEmail(db, email);
  if (!user) throw new Error(`Seeded user ${email} is missing.`);
  return {
    id: user.id,
    email: user.email,
    name: displayName(user),
    tenantId: user.tenant_id,
    roleId: user.role_id,
  };
}

/**
 * Seeds the demo tenants, roles, users and Acme invitations in several states. Idempotent:
 * tenants and roles are upserted with the same values, users, members and invitations are
 * created only when missing.
 * @example const { signIns } = await seedDemoData({ foyer, db, passwordHasher, foyerAt });
 */
export async function seedDemoData(deps: SeedDeps): Promise<SeedResult> {
  const { foyer, db, passwordHasher } = deps;
  const now = deps.now ?? (() => new Date());
  const created = { users: 0, members: 0, invitations: 0 };

  for (const tenant of TENANTS) await foyer.admin.upsertTenant(tenant);
  for (const role of ROLES) await foyer.admin.upsertRole(role);

  const accounts = [
    ...SEEDED_SIGN_INS.map((s) => ({ ...s, active: true })),
    { ...SEEDED_INACTIVE_USER, password: null, active: false },
  ];
  for (const account of accounts) {
    let user = await findUserByEmail(db, account.email);
    if (!user) {
      // An inactive user gets an unusable random password: it never signs in.
      const password = account.password ?? crypto.randomUUID();
      await insertUser(
        db,
        {
          email: account.email,
          firstName: account.firstName,
          lastName: account.lastName,
          passwordHash: await passwordHasher.hash(password),
          tenantId: account.tenantId,
          roleId: account.roleId,
          emailVerified: true,
          active: account.active,
        },
        now(),
      );
      created.users += 1;
      user = await findUserByEmail(db, account.email);
    }
    if (!user) throw new Error(`Could not seed ${account.email}.`);
    const members = await foyer.store.findMembersByEmails([user.email]);
    if (!members.some((m) => m.tenantId === user.tenant_id && m.userId === user.id)) {
      await foyer.admin.addMember({
        tenantId: user.tenant_id,
        userId: user.id,
        email: user.email,
        roleId: user.role_id,
        status: user.active ? "active" : "inactive",
      });
      created.members += 1;
    }
  }

  created.invitations = await seedAcmeInvitations(deps, now);
  await seedAcmeInviteLink(deps);
  return { created, signIns: [...SEEDED_SIGN_INS, SEEDED_ACCEPTED_USER] };
}

/**
 * Acme's invite link (R-LNK-01): on, as Client user, for addresses at acme.example. Through
 * the service, so it is audited like an admin's change; a second run changes nothing (an
 * unchanged save writes nothing), and a link an admin turned off or changed stays as it is.
 * Globex has SSO, so its link cannot be turned on (R-LNK-05).
 */
async function seedAcmeInviteLink(deps: SeedDeps): Promise<void> {
  const { foyer, db } = deps;
  if (await foyer.store.getInviteLink(DEMO_TENANTS.acme)) return;
  const alex = await actorFor(db, "alex@acme.example");
  await foyer.services.updateInviteLink(alex, DEMO_TENANTS.acme, {
    enabled: true,
    roleId: "client_user",
    allowedDomains: ["acme.example"],
  });
}

async function seedAcmeInvitations(deps: SeedDeps, now: () => Date): Promise<number> {
  const { foyer, db } = deps;
  const morgan = await actorFor(db, "morgan@northwind.example");
  const alex = await actorFor(db, "alex@acme.example");

  const existing = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await foyer.services.listInvitations(morgan, {
      tenantId: DEMO_TENANTS.acme,
      status: "all",
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const item of page.items) existing.add(item.email);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const missing = (email: string) => !existing.has(email);
  let count = 0;

  const [jordan, sam, riley] = SEEDED_INVITATIONS.pending;
  if (jordan && missing(jordan)) {
    await foyer.services.createInvitations(alex, {
      tenantId: DEMO_TENANTS.acme,
      emails: [jordan],
      roleId: "client_user",
      name: "Jordan Lee",
      message: "Welcome to the Acme client portal! Your tickets and devices are waiting.",
    });
    count += 1;
  }
  if (sam && missing(sam)) {
    await foyer.services.createInvitations(morgan, {
      tenantId: DEMO_TENANTS.acme,
      emails: [sam],
      roleId: "client_admin",
      name: "Sam Taylor",
      expiresIn: "14d",
    });
    count += 1;
  }
  if (riley && missing(riley)) {
    // Link only (R-INV-10): no email is sent; the link was handed over some other way.
    await foyer.services.createInvitations(alex, {
      tenantId: DEMO_TENANTS.acme,
      emails: [riley],
      roleId: "client_user",
      delivery: "link",
      expiresIn: "3d",
    });
    count += 1;
  }

  const chris = SEEDED_ACCEPTED_USER;
  if (missing(chris.email)) {
    const result = await foyer.services.createInvitations(alex, {
      tenantId: DEMO_TENANTS.acme,
      emails: [chris.email],
      roleId: "client_user",
      delivery: "link",
    });
    const link = result.created[0]?.link;
    if (!link) throw new Error(`Seeding ${chris.email}: no link in the answer.`);
    const token = new URL(link).hash.replace(/^#token=/, "");
    await foyer.services.acceptInvitation({
      token,
      firstName: chris.firstName,
      lastName: chris.lastName,
      password: chris.password,
      passwordConfirmation: chris.password,
    });
    count += 1;
  }

  const [dana] = SEEDED_INVITATIONS.revoked;
  if (dana && missing(dana)) {
    const result = await foyer.services.createInvitations(alex, {
      tenantId: DEMO_TENANTS.acme,
      emails: [dana],
      roleId: "client_user",
    });
    const id = result.created[0]?.invitation?.id;
    if (!id) throw new Error(`Seeding ${dana}: nothing created.`);
    await foyer.services.revokeInvitation(alex, id);
    count += 1;
  }

  const [eli] = SEEDED_INVITATIONS.expired;
  if (eli && missing(eli)) {
    // Sent ten days ago with a 7-day window: expired now, derived at read time (R-INV-06).
    const past = deps.foyerAt(new Date(now().getTime() - 10 * 24 * 3_600_000));
    await past.services.createInvitations(alex, {
      tenantId: DEMO_TENANTS.acme,
      emails: [eli],
      roleId: "client_user",
      expiresIn: "7d",
    });
    count += 1;
  }
  return count;
}

import { type Actor, emailKey, type Permission } from "@foyer/core";
import { createFoyer, type Foyer } from "./foyer.ts";
import { createDevMailbox, type DevMailbox } from "./mail/dev-mailbox.ts";
import type { Store } from "./store/types.ts";
import { fromBase64Url, toBase64Url } from "./tokens.ts";
import type { FoyerHooks, FoyerOptions, HostUser, PasswordHasher } from "./types.ts";

// Test and mock fixtures (exported through `@foyer/server/testing`): a tenant tree that
// covers the seeds, actors of every kind, and an in-memory host user directory.

const ADMIN: Permission[] = [
  "invitations:read",
  "invitations:create",
  "invitations:revoke",
  "invite_links:manage",
];

/**
 * A fast PBKDF2 hasher for tests and browser mocks only: production uses scrypt
 * (`createScryptHasher` from `@foyer/server/node`, R-PWD-02).
 */
export function createTestPasswordHasher(iterations = 1000): PasswordHasher {
  async function derive(password: string, salt: Uint8Array): Promise<string> {
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(password),
      "PBKDF2",
      false,
      ["deriveBits"],
    );
    const bits = await crypto.subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: salt as BufferSource, iterations },
      key,
      256,
    );
    return toBase64Url(new Uint8Array(bits));
  }
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      return `pbkdf2$${toBase64Url(salt)}$${await derive(password, salt)}`;
    },
    async verify(password, stored) {
      const [kind, salt, hash] = stored.split("$");
      if (kind !== "pbkdf2" || !salt || !hash) return false;
      return (await derive(password, fromBase64Url(salt))) === hash;
    },
  };
}

/** An in-memory directory of host users, with the hooks that read and create them. */
export interface UserDirectory {
  users: Map<
    string,
    HostUser & {
      tenantId: string;
      roleId: string;
      /** Null for an account created through an identity provider. */
      passwordHash: string | null;
      /** The provider identity an account was created with, if any. */
      identity: { providerId: string; issuer: string; subject: string } | null;
      /** False until `markEmailVerified` ran for an account that had to verify. */
      emailVerified: boolean;
    }
  >;
  add(user: {
    id?: string;
    email: string;
    tenantId: string;
    roleId: string;
    active?: boolean;
  }): HostUser;
  /**
   * The host's identity hooks over this directory, for `createFoyer({ hooks })`: lookups by
   * address (under core's `emailKey`, so any spelling of one address), account creation
   * (which keeps the password hash and whether the address still needs verifying) and
   * verification.
   */
  hooks: Required<
    Pick<
      FoyerHooks,
      "findUserByEmail" | "findUsersByEmails" | "createAccount" | "markEmailVerified"
    >
  >;
}

/** Creates an empty user directory. */
export function createUserDirectory(): UserDirectory {
  const users: UserDirectory["users"] = new Map();
  const add: UserDirectory["add"] = (user) => {
    const record = {
      id: user.id ?? crypto.randomUUID(),
      email: emailKey(user.email),
      active: user.active ?? true,
      tenantId: user.tenantId,
      roleId: user.roleId,
      passwordHash: "",
      identity: null,
      emailVerified: true,
    };
    users.set(record.email, record);
    return record;
  };
  return {
    users,
    add,
    hooks: {
      async findUserByEmail(email) {
        return users.get(emailKey(email)) ?? null;
      },
      async findUsersByEmails(emails) {
        return emails.flatMap((email) => {
          const user = users.get(emailKey(email));
          return user ? [user] : [];
        });
      },
      async createAccount(input) {
        if (users.has(emailKey(input.email))) throw new Error("User already registered.");
        const user = add({ email: input.email, tenantId: input.tenantId, roleId: input.roleId });
        const record = users.get(user.email);
        if (record) {
          record.passwordHash = input.passwordHash;
          record.identity = input.identity ?? null;
          record.emailVerified = !input.requireEmailVerification;
        }
        return { id: user.id };
      },
      async markEmailVerified(user) {
        const record = users.get(user.email.toLowerCase());
        if (!record || record.id !== user.id) throw new Error(`No user ${user.id} to verify.`);
        record.emailVerified = true;
      },
    },
  };
}

/** The fixture's tenants, roles and actors. */
export interface Fixture {
  tenants: { msp: string; acme: string; globex: string; guardian: string };
  roles: {
    mspAdmin: string;
    mspTechnician: string;
    clientAdmin: string;
    clientUser: string;
    guardianAdmin: string;
    guardianStandard: string;
  };
  actors: {
    /** MSP admin of Northwind: reaches Northwind, Acme and Globex. */
    mspAdmin: Actor;
    /** MSP technician: MSP staff without revoke permission. */
    technician: Actor;
    /** Client admin of Acme: only Acme. */
    acmeAdmin: Actor;
    /** Client admin of Globex (SSO on, seat limit 5). */
    globexAdmin: Actor;
    /** Plain user of Acme: no invitation permissions. */
    acmeUser: Actor;
    /** Admin of the unrelated Guardian tenant. */
    guardianAdmin: Actor;
  };
}

/** Seeds the fixture tenant tree (MSP Northwind with Acme and Globex; Guardian apart). */
export async function seedFixture(foyer: Foyer, users?: UserDirectory): Promise<Fixture> {
  const { admin } = foyer;
  await admin.upsertTenant({ id: "northwind", name: "Northwind IT" });
  await admin.upsertTenant({
    id: "acme",
    name: "Acme Corp",
    parentId: "northwind",
    logoUrl: "https://acme.example.com/logo.png",
    accentColor: "#4f46e5",
    inviteBaseUrl: "https://acme.example.com",
  });
  await admin.upsertTenant({
    id: "globex",
    name: "Globex",
    parentId: "northwind",
    ssoEnabled: true,
    seatLimit: 5,
  });
  await admin.upsertTenant({ id: "guardian", name: "Guardian Org" });
  await admin.upsertRole({
    id: "msp_admin",
    name: "MSP admin",
    rank: 100,
    permissions: ADMIN,
    mspStaff: true,
    tenantId: "northwind",
  });
  await admin.upsertRole({
    id: "msp_technician",
    name: "MSP technician",
    rank: 80,
    permissions: ["invitations:read", "invitations:create"],
    mspStaff: true,
    tenantId: "northwind",
  });
  await admin.upsertRole({
    id: "client_admin",
    name: "Client admin",
    rank: 50,
    permissions: ADMIN,
    tenantId: "northwind",
  });
  await admin.upsertRole({
    id: "client_user",
    name: "Client user",
    rank: 10,
    tenantId: "northwind",
  });
  await admin.upsertRole({
    id: "guardian_admin",
    name: "Admin",
    rank: 100,
    permissions: ADMIN,
    tenantId: "guardian",
  });
  await admin.upsertRole({
    id: "guardian_standard",
    name: "Standard",
    rank: 50,
    tenantId: "guardian",
  });
  const actor = (id: string, tenantId: string, roleId: string, name: string): Actor => ({
    id,
    email: `${id}@${tenantId}.example.com`,
    name,
    tenantId,
    roleId,
  });
  const fixture: Fixture = {
    tenants: { msp: "northwind", acme: "acme", globex: "globex", guardian: "guardian" },
    roles: {
      mspAdmin: "msp_admin",
      mspTechnician: "msp_technician",
      clientAdmin: "client_admin",
      clientUser: "client_user",
      guardianAdmin: "guardian_admin",
      guardianStandard: "guardian_standard",
    },
    actors: {
      mspAdmin: actor("mia", "northwind", "msp_admin", "Mia MSP"),
      technician: actor("tom", "northwind", "msp_technician", "Tom Tech"),
      acmeAdmin: actor("dana", "acme", "client_admin", "Dana Smith"),
      globexAdmin: actor("gil", "globex", "client_admin", "Gil Globex"),
      acmeUser: actor("uma", "acme", "client_user", "Uma User"),
      guardianAdmin: actor("gwen", "guardian", "guardian_admin", "Gwen Guardian"),
    },
  };
  for (const a of Object.values(fixture.actors)) {
    users?.add({ id: a.id, email: a.email, tenantId: a.tenantId, roleId: a.roleId });
    await admin.addMember({ tenantId: a.tenantId, userId: a.id, email: a.email, roleId: a.roleId });
  }
  return fixture;
}

/** A Foyer wired for tests: given store, fast hasher, dev mailbox, in-memory users. */
/**
 * The token secret of test and mock Foyers. Public by design: never use it for a Foyer that
 * real people reach.
 */
export const TEST_TOKEN_SECRET = "foyer-test-and-mock-secret-not-for-production-0001";

export interface TestFoyer extends Foyer {
  mailbox: DevMailbox;
  users: UserDirectory;
  fixture: Fixture;
  /** Actor used by `authenticate` when a request carries `Authorization: Bearer <actorId>`. */
  actorsById: Map<string, Actor>;
}

/**
 * Creates a seeded Foyer for tests. Requests authenticate with `Authorization: Bearer <id>`
 * where id is a fixture actor's id.
 */
export async function createTestFoyer(
  store: Store,
  overrides: Partial<Omit<FoyerOptions, "store" | "hooks">> & { hooks?: Partial<FoyerHooks> } = {},
): Promise<TestFoyer> {
  const mailbox = createDevMailbox();
  const users = createUserDirectory();
  const actorsById = new Map<string, Actor>();
  const foyer = createFoyer({
    store,
    publicBaseUrl: "https://app.example.com",
    passwordHasher: createTestPasswordHasher(),
    tokenSecrets: TEST_TOKEN_SECRET,
    mailer: mailbox,
    rateLimiter: null,
    logger: { info() {}, warn() {}, error() {} },
    ...overrides,
    hooks: {
      authenticate(request) {
        const header = request.headers.get("authorization") ?? "";
        const match = /^Bearer (.+)$/.exec(header);
        return match?.[1] ? (actorsById.get(match[1]) ?? null) : null;
      },
      ...users.hooks,
      ...overrides.hooks,
    },
  });
  const fixture = await seedFixture(foyer, users);
  for (const a of Object.values(fixture.actors)) actorsById.set(a.id, a);
  return { ...foyer, mailbox, users, fixture, actorsById };
}

/** The token in an invitation link (`…#token=…`). */
export function tokenFromLink(link: string): string {
  const token = new URL(link).hash.replace(/^#token=/, "");
  if (!token) throw new Error(`No token in ${link}`);
  return token;
}

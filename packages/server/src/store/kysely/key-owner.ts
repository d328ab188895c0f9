import { sql } from "kysely";
import type { Db } from "./sql.ts";

// R-SDK-07: who holds an in-progress Idempotency-Key. A request that dies with its process
// leaves its key in progress; another instance may take the key over as soon as it knows the
// owner is gone, and not a moment before (the owner could still be running the request).

/** One store instance as the holder of in-progress keys. */
export interface KeyOwner {
  /** This instance's owner id, written into the keys it claims. */
  current(): Promise<string>;
  /** Whether the owner of a key is known to be gone (null: a key from before owners). */
  isGone(owner: string | null): Promise<boolean>;
  /** Ends this instance's ownership (its keys then count as abandoned). */
  close(): Promise<void>;
}

/** A client of `SessionPool`: what Foyer needs of a `pg` `PoolClient`. */
export interface SessionClient {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  on(event: "error", listener: (error: Error) => void): unknown;
  release(destroy?: boolean | Error): void;
}

/** A `pg.Pool`, or anything that hands out sessions the same way. */
export interface SessionPool {
  connect(): Promise<SessionClient>;
}

/**
 * PGlite runs inside one process, and one process at a time opens its directory: any owner but
 * this instance is a process that is gone.
 */
export function pgliteKeyOwner(): KeyOwner {
  const id = `pglite:${crypto.randomUUID()}`;
  return {
    current: async () => id,
    isGone: async (owner) => owner !== id,
    close: async () => {},
  };
}

/** The first key of Foyer's two-key advisory locks ("Foyr"), apart from a host's own locks. */
const LOCK_SPACE = 0x466f7972;
const OWNER_PATTERN = /^pg:([1-9][0-9]{0,9})$/;

/** A session that holds this instance's advisory lock for as long as it lives. */
interface Session {
  id: string;
  end(): Promise<void>;
}

/**
 * PostgreSQL: each instance holds a session-level advisory lock (LOCK_SPACE, random id) on a
 * session of its own for its whole life. When its process dies, PostgreSQL ends the session
 * and frees the lock, so "is the lock still held?" (`pg_locks`) tells the living from the
 * dead at once, across any number of instances. With `pool` (a `pg.Pool`), the session is a
 * client of it that Foyer watches: a lost connection is replaced by a new session (a new id)
 * on next use. Without, it is a connection held through Kysely.
 */
export function postgresKeyOwner(db: Db, pool?: SessionPool): KeyOwner {
  let session: Promise<Session> | null = null;
  let closed = false;

  const tryLock = async (
    query: (objid: number) => Promise<boolean>,
  ): Promise<{ id: string } | null> => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const objid = 1 + Math.floor(Math.random() * 0x7ffffffe);
      if (await query(objid)) return { id: `pg:${objid}` };
    }
    return null;
  };

  const openPooled = async (source: SessionPool): Promise<Session> => {
    const client = await source.connect();
    let ended = false;
    const mine = session;
    client.on("error", () => {
      // The connection is gone and with it the lock: the next claim opens a new session.
      if (session === mine) session = null;
      if (!ended) {
        ended = true;
        client.release(true);
      }
    });
    try {
      const locked = await tryLock(async (objid) => {
        const { rows } = await client.query(
          "select pg_try_advisory_lock($1::int4, $2::int4) as locked",
          [LOCK_SPACE, objid],
        );
        return (rows[0] as { locked?: boolean } | undefined)?.locked === true;
      });
      if (!locked) throw new Error("Foyer could not take an advisory lock for its instance");
      return {
        id: locked.id,
        async end() {
          if (ended) return;
          ended = true;
          // Destroyed, not returned to the pool: the session must end to free the lock.
          client.release(true);
        },
      };
    } catch (error) {
      if (!ended) {
        ended = true;
        client.release(true);
      }
      throw error;
    }
  };

  const openHeld = (): Promise<Session> =>
    new Promise<Session>((resolve, reject) => {
      let finish: () => void = () => {};
      const done = new Promise<void>((release) => {
        finish = release;
      });
      const held = db
        .connection()
        .execute(async (connection) => {
          const locked = await tryLock(async (objid) => {
            const { rows } = await sql<{
              locked: boolean;
            }>`select pg_try_advisory_lock(${LOCK_SPACE}::int4, ${objid}::int4) as locked`.execute(
              connection,
            );
            return rows[0]?.locked === true;
          });
          if (!locked) throw new Error("Foyer could not take an advisory lock for its instance");
          resolve({
            id: locked.id,
            async end() {
              finish();
              await held;
            },
          });
          await done;
          await sql`select pg_advisory_unlock(${LOCK_SPACE}::int4, ${Number(locked.id.slice(3))}::int4)`.execute(
            connection,
          );
        })
        .catch((error: unknown) => {
          if (session !== null) session = null;
          reject(error);
        });
    });

  const open = (): Promise<Session> => {
    const opening = pool ? openPooled(pool) : openHeld();
    opening.catch(() => {
      if (session === opening) session = null;
    });
    return opening;
  };

  return {
    async current() {
      if (closed) throw new Error("The Foyer store is closed");
      session ??= open();
      return (await session).id;
    },
    async isGone(owner) {
      if (owner === null) return true;
      const match = OWNER_PATTERN.exec(owner);
      if (!match) return true;
      const objid = Number(match[1]);
      if (objid > 0x7fffffff) return true;
      if (session !== null) {
        const mine = await session.catch(() => null);
        if (mine?.id === owner) return false;
      }
      const { rows } = await sql<{ held: boolean }>`
        select exists (
          select 1 from pg_locks
          where locktype = 'advisory'
            and database = (select oid from pg_database where datname = current_database())
            and classid = ${LOCK_SPACE}::int8::oid
            and objid = ${objid}::int8::oid
            and objsubid = 2
            and granted
        ) as held`.execute(db);
      return rows[0]?.held !== true;
    },
    async close() {
      closed = true;
      const open = session;
      session = null;
      if (open) await (await open.catch(() => null))?.end();
    },
  };
}

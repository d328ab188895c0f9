import { performance } from "node:perf_hooks";
import { batchFloorSql } from "./batch-floor.ts";
import type { BetterAuthPeer } from "./better-auth.ts";
import type { Caller } from "./load.ts";

// A batch of invitations in one call (R-INV-02) against its floor (the same rows written by
// plain SQL inside the database, one transaction) and against Better Auth doing the same work
// (one call per address: it has no batch call), all in the same run.

/** What `measureBatch` needs. */
export interface BatchInput {
  size: number;
  /** Foyer batches (and floors, interleaved). */
  runs: number;
  /** Better Auth calls made; the figure is scaled to `size` when fewer. */
  peerCalls: number;
  call: Caller;
  tenant: { tenantId: string; actorId: string; roleId: string };
  peer: BetterAuthPeer;
  peerOrgId: string;
  exec(text: string): Promise<void>;
  log(message: string): void;
}

/** Milliseconds per run, and Better Auth's time for `size` invitations. */
export interface BatchFigures {
  foyerMs: number[];
  floorMs: number[];
  peerMs: number;
  peerCalls: number;
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function measureBatch(input: BatchInput): Promise<BatchFigures> {
  const label = Date.now().toString(36);
  const { tenantId, actorId, roleId } = input.tenant;
  const create = async (emails: string[]): Promise<string> => {
    const response = await input.call("POST", "/invitations", actorId, {
      tenantId,
      roleId,
      emails,
      delivery: "email",
    });
    const body = JSON.parse(response.text) as { created?: { invitation: { id: string } }[] };
    if (response.status !== 200 || body.created?.length !== emails.length) {
      throw new Error(`Foyer batch answered ${response.status}: ${response.text.slice(0, 300)}`);
    }
    return body.created[0]!.invitation.id;
  };
  const emails = (run: string) =>
    Array.from({ length: input.size }, (_, i) => `b${label}.${run}.${i}@batch.example.com`);

  // Warm-up, and the template every floor row copies: a row Foyer wrote, with its records.
  const templateId = await create([`b${label}.template@batch.example.com`]);
  await create(emails("warm"));
  await input.exec(batchFloorSql(templateId, `${label}_warm`, input.size));

  const foyerMs: number[] = [];
  const floorMs: number[] = [];
  for (let run = 0; run < input.runs; run += 1) {
    const foyer = () => create(emails(`run${run}`)).then(() => undefined);
    const floor = () => input.exec(batchFloorSql(templateId, `${label}_${run}`, input.size));
    // Alternate which goes first, so a noisy neighbour hits both alike.
    if (run % 2 === 0) {
      foyerMs.push(await timed(foyer));
      floorMs.push(await timed(floor));
    } else {
      floorMs.push(await timed(floor));
      foyerMs.push(await timed(foyer));
    }
    input.log(
      `batch ${run + 1}/${input.runs}: Foyer ${foyerMs.at(-1)!.toFixed(1)} ms, floor ${floorMs.at(-1)!.toFixed(1)} ms`,
    );
  }

  input.log(`Better Auth: ${input.peerCalls} invite calls`);
  const peerMs = await timed(async () => {
    for (let i = 0; i < input.peerCalls; i += 1) {
      const response = await input.peer.call("POST", "/organization/invite-member", {
        email: `p${label}.${i}@batch.example.com`,
        role: "member",
        organizationId: input.peerOrgId,
      });
      if (response.status !== 200) {
        throw new Error(`Better Auth answered ${response.status}: ${response.text.slice(0, 300)}`);
      }
    }
  });
  return {
    foyerMs,
    floorMs,
    peerMs: (peerMs * input.size) / input.peerCalls,
    peerCalls: input.peerCalls,
  };
}

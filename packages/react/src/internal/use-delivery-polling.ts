"use client";
import type { FoyerClient } from "@foyer/client";
import type { Invitation } from "@foyer/core/rules";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { patchInvitationInLists } from "./invitation-cache.ts";
import { runWithConcurrency } from "./run-with-concurrency.ts";

/** Most invitations asked about per round, the newest queued ones first, two at a time. */
const MAX_PER_ROUND = 10;
const CONCURRENCY = 2;
/**
 * Only rows sent this recently are followed: the outbox delivers within seconds, so an older
 * row still queued is waiting out SMTP retries, and a list refresh will tell.
 */
const RECENT_MS = 15 * 60_000;
/** Delay before the first round, doubling each round nothing changed, up to the cap. */
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;

/** The delay before round `round` (0-based) of polling. Internal, exported for tests. */
export function pollDelay(round: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** round);
}

/**
 * The queued rows worth asking about: pending ones sent in the last 15 minutes whose email is
 * still in the outbox.
 */
export function queuedIds(rows: readonly Invitation[], now: number = Date.now()): string[] {
  return rows
    .filter(
      (row) =>
        row.status === "pending" &&
        row.delivery.status === "queued" &&
        now - new Date(row.sentAt).getTime() < RECENT_MS,
    )
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
    .slice(0, MAX_PER_ROUND)
    .map((row) => row.id);
}

async function refresh(client: FoyerClient, queryClient: QueryClient, ids: readonly string[]) {
  const answers = await runWithConcurrency(ids, CONCURRENCY, (id) => client.getInvitation(id));
  for (const answer of answers) {
    if (answer.status !== "fulfilled") continue;
    const { invitation } = answer.value;
    patchInvitationInLists(queryClient, invitation.id, () => invitation);
  }
}

/**
 * R-EML-02: keeps delivery status fresh while any recent loaded row is queued. It asks the
 * server about those rows (one small read each, at most 10 a round, two at a time) after
 * 1 s, then backs off,
 * doubling the wait up to 30 s while nothing changes, and starts over quickly when the set
 * of queued rows changes (a resend, a new batch). It stops as soon as nothing is queued, and
 * skips rounds while the page is hidden. Answers are written into every cached list, so the
 * rows change in place without refetching pages. Internal: `useInvitationsTable`.
 */
export function useDeliveryPolling(
  client: FoyerClient,
  rows: readonly Invitation[],
  enabled: boolean,
): void {
  const queryClient = useQueryClient();
  const key = useMemo(() => (enabled ? queuedIds(rows).join(" ") : ""), [rows, enabled]);

  useEffect(() => {
    if (key === "") return;
    const ids = key.split(" ");
    let round = 0;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (typeof document === "undefined" || document.visibilityState !== "hidden") {
        await refresh(client, queryClient, ids);
      }
      // A change of the queued set re-runs this effect; otherwise wait longer each round.
      if (!stopped) timer = setTimeout(tick, pollDelay(++round));
    };
    timer = setTimeout(tick, pollDelay(round));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [key, client, queryClient]);
}

import type { CompiledQuery } from "kysely";
import type { InvitationCursor, InvitationListQuery } from "../../src/store/types.ts";
import { CONFIG, LARGE } from "./server-config.ts";
import type { Target } from "./targets.ts";

export interface Explained {
  label: string;
  executionMs: number;
  planningMs: number;
  sql: string;
  plan: string[];
}

/**
 * EXPLAIN ANALYZE of the list query at the first page, a deep page and the last page, and of
 * the counts query a first page with `counts=true` adds.
 */
export async function explainList(target: Target): Promise<Explained[]> {
  const out: Explained[] = [];
  const positions: {
    label: string;
    status: "all" | "pending" | "counts";
    page: number | "last";
  }[] = [
    { label: "all, page 1", status: "all", page: 1 },
    { label: "all, page 40", status: "all", page: 40 },
    { label: "pending, page 1", status: "pending", page: 1 },
    { label: "pending, last page", status: "pending", page: "last" },
    { label: "counts (first page)", status: "counts", page: 1 },
  ];
  for (const position of positions) {
    const filter = position.status;
    const queries = await target.captureSql(async (store) => {
      if (filter === "counts") {
        await store.countInvitations([LARGE.tenantId], undefined, new Date());
        return;
      }
      const now = new Date();
      let after: InvitationCursor | undefined;
      for (let page = 1; ; page += 1) {
        const query: InvitationListQuery = {
          tenantIds: [LARGE.tenantId],
          filter,
          sort: "sentAt",
          order: "desc",
          after,
          limit: CONFIG.pageLimit + 1,
          now,
        };
        const rows = await store.listInvitations(query);
        if (page === position.page || rows.length <= CONFIG.pageLimit) return;
        const last = rows[CONFIG.pageLimit - 1];
        if (!last) return;
        after = { value: last.sentAt, id: last.id };
      }
    });
    const query: CompiledQuery | undefined = queries.at(-1);
    if (!query) continue;
    const rows = await target.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]);
    const plan = rows.map((row) => String(row["QUERY PLAN"]));
    const number = (prefix: string) =>
      Number(plan.find((line) => line.startsWith(prefix))?.replace(/[^0-9.]/g, "") ?? Number.NaN);
    out.push({
      label: position.label,
      executionMs: number("Execution Time"),
      planningMs: number("Planning Time"),
      sql: query.sql,
      plan,
    });
  }
  return out;
}

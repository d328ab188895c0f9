/** Sends one API call and answers its status and raw body. */
export type Caller = (
  method: "GET" | "POST",
  path: string,
  actorId: string,
  body?: unknown,
) => Promise<{ status: number; text: string }>;

/** A caller over real HTTP (keep-alive, Node's fetch) to `baseUrl`. */
export function httpCaller(baseUrl: string): Caller {
  return async (method, path, actorId, body) => {
    const headers: Record<string, string> = { authorization: `Bearer ${actorId}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, text: await response.text() };
  };
}

/** A caller that hands a `Request` straight to the Fetch handler (no sockets). */
export function directCaller(
  handler: (request: Request, context?: { clientAddress?: string }) => Promise<Response>,
): Caller {
  return async (method, path, actorId, body) => {
    const headers: Record<string, string> = { authorization: `Bearer ${actorId}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await handler(
      new Request(`http://foyer.invalid${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
      { clientAddress: "127.0.0.1" },
    );
    return { status: response.status, text: await response.text() };
  };
}

/** One list-walking load: `clients` concurrent clients, each `requests` page requests. */
export interface ListLoadJob {
  tenantId: string;
  actorId: string;
  status: "all" | "pending";
  limit: number;
  clients: number;
  requests: number;
}

/** What a load run measured. */
export interface ListLoadResult {
  latencies: number[];
  wallMs: number;
  errors: number;
  /** Times a client reached the last page and started over. */
  restarts: number;
  /** Deepest page any client reached (1 = first page). */
  deepestPage: number;
}

function listPath(job: ListLoadJob, cursor: string | null): string {
  const query = new URLSearchParams({
    tenantId: job.tenantId,
    status: job.status,
    sort: "sentAt",
    order: "desc",
    limit: String(job.limit),
  });
  if (cursor) query.set("cursor", cursor);
  return `/invitations?${query.toString()}`;
}

function nextCursorOf(text: string): string | null {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null) return null;
  const cursor: unknown = Reflect.get(parsed, "nextCursor");
  return typeof cursor === "string" ? cursor : null;
}

/**
 * Closed-loop load: every client walks the cursor pages (first page, next, next…, starting
 * over after the last page) and times each request from send to the last body byte.
 * Every client starts at page one, so first-page and last-page costs are both sampled.
 */
export async function runListLoad(call: Caller, job: ListLoadJob): Promise<ListLoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let restarts = 0;
  let deepestPage = 0;
  const started = performance.now();
  async function client(): Promise<void> {
    let cursor: string | null = null;
    let page = 0;
    for (let done = 0; done < job.requests; done += 1) {
      const t0 = performance.now();
      const response = await call("GET", listPath(job, cursor), job.actorId);
      latencies.push(performance.now() - t0);
      page += 1;
      deepestPage = Math.max(deepestPage, page);
      if (response.status !== 200) {
        errors += 1;
        cursor = null;
        page = 0;
        continue;
      }
      cursor = nextCursorOf(response.text);
      if (cursor === null) {
        restarts += 1;
        page = 0;
      }
    }
  }
  await Promise.all(Array.from({ length: job.clients }, () => client()));
  return { latencies, wallMs: performance.now() - started, errors, restarts, deepestPage };
}

import { FoyerServiceError } from "../errors.ts";

// Internal to the handler: reads a request body as JSON with a byte budget, refusing
// whatever could otherwise reach a service or a database unchecked.

/** Deepest JSON nesting accepted; Foyer's request bodies need 3, so deeper JSON is refused early. */
export const MAX_JSON_DEPTH = 32;

const decoder = new TextDecoder("utf-8", { fatal: true });

async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      throw new FoyerServiceError("MALFORMED_JSON", {
        message: "The request body could not be read.",
      });
    }
    if (step.done) break;
    total += step.value.byteLength;
    if (total > maxBytes) {
      // Stop reading at once: counting, not Content-Length, decides (it may be absent or lie).
      await reader.cancel().catch(() => undefined);
      throw new FoyerServiceError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(step.value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Whether a Content-Type is `application/json`, with no charset or UTF-8. */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type = "", ...parameters] = contentType.split(";").map((part) => part.trim());
  if (type.toLowerCase() !== "application/json") return false;
  return parameters.every((parameter) => {
    const [name = "", value = ""] = parameter.split("=").map((part) => part.trim());
    return name.toLowerCase() !== "charset" || /^"?utf-8"?$/i.test(value);
  });
}

function invalid(path: string, problem: string): FoyerServiceError {
  const field = path || "body";
  return new FoyerServiceError("VALIDATION_FAILED", {
    issues: [{ path, message: `${field} ${problem}` }],
  });
}

/**
 * Refuses JSON nested deeper than `MAX_JSON_DEPTH` and strings or keys holding NUL, which
 * PostgreSQL cannot store (it would answer an error, and the client a 500). Iterative, so a
 * pathological nesting cannot exhaust the stack.
 */
export function inspectJson(value: unknown): void {
  const stack: Array<{ value: unknown; depth: number; path: string }> = [
    { value, depth: 0, path: "" },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { value: current, depth, path } = next;
    if (typeof current === "string") {
      if (current.includes("\u0000")) throw invalid(path, "must not contain NUL characters.");
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    if (depth >= MAX_JSON_DEPTH) throw invalid(path, "is nested too deeply.");
    const join = (key: string) => (path ? `${path}.${key}` : key);
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        stack.push({ value: item, depth: depth + 1, path: join(String(index)) });
      });
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      if (key.includes("\u0000")) throw invalid(path, "must not have keys with NUL characters.");
      stack.push({ value: item, depth: depth + 1, path: join(key) });
    }
  }
}

/**
 * Reads the body of a POST: an empty body counts as `{}`; anything else must be UTF-8
 * `application/json` within `maxBytes`, without Content-Encoding. (Requests that are not
 * authenticated by `Authorization` must declare application/json even when empty: the
 * handler's cross-site check refuses them before this runs.) Throws PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE,
 * MALFORMED_JSON or VALIDATION_FAILED as a `FoyerServiceError`.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  // Bodies are read as sent: a compressed one would be bytes that are not JSON, or a way to
  // make a small request expand past the limit after decoding.
  const encoding = request.headers.get("content-encoding")?.trim().toLowerCase();
  if (encoding && encoding !== "identity") {
    throw new FoyerServiceError("UNSUPPORTED_MEDIA_TYPE", {
      message: "Send the body without Content-Encoding (no gzip, deflate or br).",
    });
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    throw new FoyerServiceError("PAYLOAD_TOO_LARGE");
  }
  const bytes = await readLimited(request.body, maxBytes);
  if (bytes.byteLength === 0) return {};
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    throw new FoyerServiceError("UNSUPPORTED_MEDIA_TYPE");
  }
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new FoyerServiceError("MALFORMED_JSON");
  }
  inspectJson(value);
  return value;
}

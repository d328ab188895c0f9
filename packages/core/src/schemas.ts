// One contract: every resource and request shape of the Foyer API, written once with
// zod/mini so browser bundles stay small. The client parses every answer with these, the
// server validates every request with these, and the OpenAPI document is made from them.
// One module per resource under `schemas/`; this file is their public face.

export * from "./schemas/audit.ts";
export { isSingleLine } from "./schemas/fields.ts";
export * from "./schemas/invitations.ts";
export * from "./schemas/invite-links.ts";
export * from "./schemas/shared.ts";
export * from "./schemas/tenants.ts";

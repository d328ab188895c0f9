import { createFoyerClient } from "@foyer/client";

/** The Foyer API of this app, mounted at `/api/foyer`; the session cookie goes along. */
export const foyerClient = createFoyerClient({ baseUrl: "/api/foyer" });

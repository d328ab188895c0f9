import { performance } from "node:perf_hooks";
import { type InvitationEmailInput, renderEmail } from "../src/mail/email-input.ts";
import { median, round2 } from "./lib/stats.ts";

// `pnpm --filter @foyer/server bench:email`: how long rendering one email takes (R-EML-01),
// the CPU the dispatcher spends per message on top of the database and SMTP work. Renders
// batches of 1,000 branded invitations (English and German, each with a personal message and
// its own link, as the dispatcher does at send time) and prints the median time per message;
// then the same for messages of 1,000 different tenants, where React renders every one (the
// first email of a shape). Run it with NODE_ENV=production for the figure a deployment sees:
// React's development build, which loads otherwise, is about three times slower.

const BATCH = 1_000;
const ROUNDS = 7;

function input(i: number, tenants = false): InvitationEmailInput {
  return {
    template: "invitation",
    variant: "new",
    to: `person${i}@acme.example`,
    locale: i % 2 === 0 ? "en" : "de",
    productName: "Foyer",
    tenant: {
      name: tenants ? `Tenant ${i} (${Date.now()})` : "Acme & Co",
      logoUrl: "/logos/acme.svg",
      accentColor: "#0e7490",
    },
    assetBaseUrl: "https://acme.example.com",
    roleName: "Client user",
    inviterName: "Dana Smith",
    message: `Welcome aboard, person ${i}!\nSee you on Monday.`,
    expiresAt: new Date(Date.UTC(2026, 10, 29, 9)),
    link: `https://acme.example.com/accept-invite#token=k1.${i.toString(36).padStart(43, "x")}`,
  };
}

async function batch(tenants: boolean): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < BATCH; i += 1) await renderEmail(input(i, tenants));
  return performance.now() - started;
}

const mode = process.env.NODE_ENV === "production" ? "production" : "development";
for (const [label, tenants] of [
  ["one tenant's batch", false],
  ["every message a new shape", true],
] as const) {
  await batch(tenants); // load the templates and warm the JIT
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) times.push(await batch(tenants));
  const perMessage = median(times) / BATCH;
  console.log(
    `email render, ${label} (${mode} React): ${round2(perMessage)} ms per message ` +
      `(median of ${ROUNDS} batches of ${BATCH}), ${Math.round(1000 / perMessage)} messages/s on one core`,
  );
}

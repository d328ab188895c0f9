import { performance } from "node:perf_hooks";
import { type InvitationEmailInput, renderEmail } from "../src/mail/email-input.ts";
import { median, round2 } from "./lib/stats.ts";

// `pnpm --filter @foyer/server bench:email`: how long rendering one email takes (R-EML-01),
// the CPU the dispatcher spends per message on top of the database and SMTP work. Renders
// batches of 1,000 branded invitations (English and German, each with a personal message,
// as the dispatcher does at send time) and prints the median time per message. Run it with
// NODE_ENV=production for the figure a deployment sees: React's development build, which
// loads otherwise, is about three times slower.

const BATCH = 1_000;
const ROUNDS = 7;

function input(i: number): InvitationEmailInput {
  return {
    template: "invitation",
    variant: "new",
    to: `person${i}@acme.example`,
    locale: i % 2 === 0 ? "en" : "de",
    productName: "Foyer",
    tenant: { name: "Acme & Co", logoUrl: "/logos/acme.svg", accentColor: "#0e7490" },
    assetBaseUrl: "https://acme.example.com",
    roleName: "Client user",
    inviterName: "Dana Smith",
    message: `Welcome aboard, person ${i}!\nSee you on Monday.`,
    expiresAt: new Date(Date.UTC(2026, 10, 29, 9)),
    link: `https://acme.example.com/accept-invite#token=k1.${i.toString(36).padStart(43, "x")}`,
  };
}

async function batch(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < BATCH; i += 1) await renderEmail(input(i));
  return performance.now() - started;
}

await batch(); // load the templates and warm the JIT
const times: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) times.push(await batch());
const perMessage = median(times) / BATCH;
const mode = process.env.NODE_ENV === "production" ? "production" : "development";
console.log(
  `email render (${mode} React): ${round2(perMessage)} ms per message ` +
    `(median of ${ROUNDS} batches of ${BATCH}), ${Math.round(1000 / perMessage)} messages/s on one core`,
);

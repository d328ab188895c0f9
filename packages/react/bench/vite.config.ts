// Production build of the InvitationsTable bench page (table-bench.html), run by
// table-bench.mjs: React and React DOM in their production builds, minified, with the
// workspace packages taken from their sources through the "@foyer/source" condition.
import { join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { foyerConditions, foyerWorkspace } from "../../../scripts/foyer-workspace.ts";

export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  mode: "production",
  logLevel: "warn",
  publicDir: false,
  plugins: [foyerWorkspace(), react()],
  resolve: {
    conditions: foyerConditions,
    dedupe: ["react", "react-dom", "@tanstack/react-query"],
  },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: join(import.meta.dirname, "dist"),
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
    minify: process.env.FOYER_BENCH_MINIFY !== "0",
    rolldownOptions: { input: join(import.meta.dirname, "table-bench.html") },
  },
});

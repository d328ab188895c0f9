import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

// The demo host app's pages (`/admin`, `/accept-invite`, `/join`, `/verify-email`, `/login`), built to `web/dist` and
// served by the reference app (src/web.ts). `@foyer/*` resolve to the workspace sources
// through their "@foyer/source" export condition, as the rest of the repository does.

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "/",
  // web/public/assets/demo/: files served as they are, such as Acme's logo (the seed's
  // `/assets/demo/acme-logo.svg`), so the demo loads no image from another host.
  publicDir: here("public"),
  plugins: [react()],
  resolve: {
    conditions: ["@foyer/source", ...defaultClientConditions],
    dedupe: ["react", "react-dom", "@tanstack/react-query"],
  },
  build: {
    outDir: here("dist"),
    emptyOutDir: true,
    target: "es2022",
    // Everything ships as files: the pages' Content-Security-Policy allows no inline code.
    assetsInlineLimit: 0,
    rollupOptions: {
      input: {
        admin: here("admin.html"),
        "api-keys": here("api-keys.html"),
        "accept-invite": here("accept-invite.html"),
        login: here("login.html"),
        join: here("join.html"),
        "verify-email": here("verify-email.html"),
      },
    },
  },
});

// Stylesheet imports of the bench page: vite bundles them; nothing is imported by name.
declare module "*.css";

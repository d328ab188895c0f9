#!/usr/bin/env node
// The `foyer-migrate` bin of @foyer/server: see `runMigrateCli`.
import { runMigrateCli } from "../migrate-cli.ts";

process.exitCode = await runMigrateCli(process.env, process.argv.slice(2));

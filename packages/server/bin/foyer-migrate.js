#!/usr/bin/env node
// The `foyer-migrate` command. The code is src/bin/foyer-migrate.ts, built into dist; this
// file exists before any build, so installing a workspace never meets a missing bin.
import "../dist/bin/foyer-migrate.js";

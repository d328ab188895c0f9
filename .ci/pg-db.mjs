// Creates or drops a database on the local PostgreSQL: `node .ci/pg-db.mjs create|drop URL NAME`.
import pg from "pg";

const [action, url, name] = process.argv.slice(2);
if (!/^[a-z0-9_]+$/.test(name ?? "")) throw new Error(`bad database name ${name}`);
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  if (action === "create") await client.query(`CREATE DATABASE ${name}`);
  else if (action === "drop") await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  else throw new Error(`unknown action ${action}`);
} finally {
  await client.end();
}

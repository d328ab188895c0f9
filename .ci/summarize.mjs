// Sums vitest JSON reports into the one line CI reads: "N passed, N failed[, N skipped]".
// Steps that failed without a test report (typecheck, lint, installs) count as failures.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, failedSteps = "0"] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
  const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that failed to load has no tests but must not pass silently.
  for (const suite of report.testResults ?? []) {
    if (suite.status === "failed" && (suite.assertionResults ?? []).length === 0) failed += 1;
  }
}
const steps = Number(failedSteps);
const total = failed + (steps > 0 && failed === 0 ? steps : 0);
console.log(`${passed} passed, ${total} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(total > 0 || steps > 0 ? 1 : 0);

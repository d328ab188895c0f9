export type { FoyerMsw, FoyerMswOptions } from "./create-foyer-msw.ts";
export { createFoyerMsw } from "./create-foyer-msw.ts";
export type {
  ActorKey,
  Scenario,
  ScenarioContext,
  ScenarioName,
  TokenKind,
} from "./scenarios.ts";
export {
  BUSY_INVITATIONS,
  SCENARIO_INVITATION_IDS,
  SCENARIO_TOKENS,
  scenarioNames,
  scenarios,
} from "./scenarios.ts";

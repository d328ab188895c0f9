export type { FoyerMsw, FoyerMswOptions } from "./create-foyer-msw.ts";
export { createFoyerMsw } from "./create-foyer-msw.ts";
export type {
  ActorKey,
  Scenario,
  ScenarioContext,
  ScenarioName,
  TokenKind,
  VerificationKind,
} from "./scenarios.ts";
export {
  BUSY_INVITATIONS,
  SCENARIO_INVITATION_IDS,
  SCENARIO_LINK_ID,
  SCENARIO_LINK_TOKEN,
  SCENARIO_TOKENS,
  SCENARIO_VERIFICATION_TOKENS,
  scenarioNames,
  scenarios,
} from "./scenarios.ts";

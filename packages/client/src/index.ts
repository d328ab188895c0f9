export { createFoyerClient } from "./create-foyer-client.ts";
export type { FoyerClientErrorInit } from "./errors/foyer-client-error.ts";
export { FoyerClientError, isFoyerClientError } from "./errors/foyer-client-error.ts";
export type { ContractIssue } from "./errors/foyer-contract-error.ts";
export { FoyerContractError, isFoyerContractError } from "./errors/foyer-contract-error.ts";
export type { FoyerErrorInit } from "./errors/foyer-error.ts";
export { FoyerError, isFoyerError } from "./errors/foyer-error.ts";
export { FoyerNetworkError, isFoyerNetworkError } from "./errors/foyer-network-error.ts";
export type {
  CallOptions,
  CreateCallOptions,
  FoyerClient,
  FoyerClientOptions,
} from "./types.ts";

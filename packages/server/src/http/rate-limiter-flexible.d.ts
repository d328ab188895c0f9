// Types for the two deep imports of rate-limiter-flexible that Foyer uses. Its index module
// requires every store (Redis, Mongo, cluster …), so Foyer imports single classes instead;
// their shapes are the package's own declarations.

declare module "rate-limiter-flexible/lib/RateLimiterMemory.js" {
  import type { RateLimiterMemory } from "rate-limiter-flexible";

  const RateLimiterMemoryClass: typeof RateLimiterMemory;
  export default RateLimiterMemoryClass;
}

declare module "rate-limiter-flexible/lib/RateLimiterPostgres.js" {
  import type { RateLimiterPostgres } from "rate-limiter-flexible";

  const RateLimiterPostgresClass: typeof RateLimiterPostgres;
  export default RateLimiterPostgresClass;
}

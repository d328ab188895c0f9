import { type RouteDef, type RouteName, type RouteParams, routes } from "@foyer/core";
import { FoyerServiceError } from "../errors.ts";

// Internal to the handler (not exported from the package): matches a path below the mount
// point against core's route table.

/** Every route name of core's table, in definition order. */
export const routeNames = Object.keys(routes) as RouteName[];

/** A matched route with its path parameters, typed per route (a union over route names). */
export type RouteHit = {
  [N in RouteName]: { kind: "route"; name: N; route: RouteDef; params: RouteParams<N> };
}[RouteName];

/** The outcome of matching a request line. */
export type RouteMatch =
  | RouteHit
  | { kind: "method_not_allowed"; allow: string[] }
  | { kind: "not_found" };

interface CompiledRoute {
  name: RouteName;
  route: RouteDef;
  /** Literal segments as strings, parameters as `{ param }`. */
  segments: Array<string | { param: string }>;
}

function compile(name: RouteName): CompiledRoute {
  const route: RouteDef = routes[name];
  const segments = route.path
    .split("/")
    .slice(1)
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      return param ? { param } : segment;
    });
  return { name, route, segments };
}

function fits(compiled: CompiledRoute, raw: string[]): boolean {
  if (compiled.segments.length !== raw.length) return false;
  return compiled.segments.every((segment, index) => {
    const value = raw[index] ?? "";
    return typeof segment === "string" ? segment === value : value.length > 0;
  });
}

function decodeParam(name: string, raw: string): string {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw new FoyerServiceError("VALIDATION_FAILED", {
      issues: [{ path: name, message: `${name} is not valid percent-encoding.` }],
    });
  }
  if (value.includes("\u0000")) {
    throw new FoyerServiceError("VALIDATION_FAILED", {
      issues: [{ path: name, message: `${name} must not contain NUL characters.` }],
    });
  }
  return value;
}

/**
 * Builds the matcher over core's `routes`. Literal segments compare undecoded; `{param}`
 * segments are non-empty and percent-decoded (bad encoding answers VALIDATION_FAILED).
 */
export function createRouteMatcher(): (pathname: string, method: string) => RouteMatch {
  const compiled = routeNames.map(compile);
  return (pathname, method) => {
    if (!pathname.startsWith("/")) return { kind: "not_found" };
    const raw = pathname.split("/").slice(1);
    const candidates = compiled.filter((entry) => fits(entry, raw));
    if (candidates.length === 0) return { kind: "not_found" };
    const hit = candidates.find((entry) => entry.route.method === method);
    if (!hit) {
      return {
        kind: "method_not_allowed",
        allow: [...new Set(candidates.map((entry) => entry.route.method))],
      };
    }
    const params: Record<string, string> = {};
    hit.segments.forEach((segment, index) => {
      if (typeof segment !== "string")
        params[segment.param] = decodeParam(segment.param, raw[index] ?? "");
    });
    // The params hold exactly the `{param}` placeholders of the hit's path (compiled from it
    // above), which is what RouteParams derives from the same path: the one place the
    // runtime shape meets the type.
    return { kind: "route", name: hit.name, route: hit.route, params } as RouteHit;
  };
}

import type { RouteName } from "@foyer/core";
import { describe, expectTypeOf, it } from "vitest";
import type { RouteBinding, routeBindings } from "./bindings.ts";

describe("route bindings", () => {
  it("give each binding its own route's path parameters", () => {
    const binding: RouteBinding<"resendInvitation"> = (call) => {
      expectTypeOf(call.params).toEqualTypeOf<{ readonly invitationId: string }>();
      // @ts-expect-error: the path is /invitations/{invitationId}/resend
      void call.params.invitationID;
      // @ts-expect-error: a tenant route's parameter is not this route's
      void call.params.tenantId;
      return async () => ({ body: null });
    };
    expectTypeOf(binding).toBeFunction();
  });

  it("bind every route of core's table", () => {
    expectTypeOf<keyof typeof routeBindings>().toEqualTypeOf<RouteName>();
  });
});

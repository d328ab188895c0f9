import { describe, expectTypeOf, it } from "vitest";
import type { PathParamNames, RouteParams } from "./endpoints.ts";

describe("RouteParams", () => {
  it("extracts every {param} placeholder of a path", () => {
    expectTypeOf<PathParamNames<"/tenants/{tenantId}/roles">>().toEqualTypeOf<"tenantId">();
    expectTypeOf<PathParamNames<"/a/{first}/b/{second}">>().toEqualTypeOf<"first" | "second">();
    expectTypeOf<PathParamNames<"/invitations">>().toEqualTypeOf<never>();
  });

  it("types each endpoint's parameters from the endpoint table", () => {
    expectTypeOf<RouteParams<"getInvitation">>().toEqualTypeOf<{
      readonly invitationId: string;
    }>();
    expectTypeOf<RouteParams<"listTenantRoles">>().toEqualTypeOf<{ readonly tenantId: string }>();
    expectTypeOf<keyof RouteParams<"getContext">>().toEqualTypeOf<never>();
  });

  it("refuses a misspelt parameter", () => {
    const params: RouteParams<"resendInvitation"> = { invitationId: "inv-1" };
    expectTypeOf(params.invitationId).toBeString();
    // @ts-expect-error: the placeholder is {invitationId}
    void params.invitationID;
  });
});

import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { commonEn } from "../localization/common.ts";
import { DeferredFallback } from "./deferred-fallback.tsx";
import { type DeferredPart, deferredPart, useDeferredPart } from "./deferred-part.ts";

interface Part {
  Inside: () => React.ReactElement;
}

/** A dialog-like host that shows the part once imported, else the fallback. */
function Host({ part }: { part: DeferredPart<Part> }) {
  const state = useDeferredPart(part);
  const Inside = state.module?.Inside;
  return Inside ? <Inside /> : <DeferredFallback part={state} common={commonEn} className="box" />;
}

const inside: Part = { Inside: () => <p>The form</p> };

describe("deferred parts", () => {
  it("R-UI-09: a part imported on demand shows Loading until it arrives, then itself", async () => {
    let resolve: (part: Part) => void = () => {};
    const part = deferredPart(() => new Promise<Part>((done) => (resolve = done)));
    render(<Host part={part} />);
    expect(screen.getByRole("status").textContent).toBe("Loading…");
    resolve(inside);
    expect(await screen.findByText("The form")).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("R-UI-09: a part that cannot be loaded says so with Retry, which imports it again", async () => {
    let calls = 0;
    const part = deferredPart(async () => {
      calls++;
      if (calls === 1) throw new TypeError("Failed to fetch dynamically imported module");
      return inside;
    });
    const user = userEvent.setup();
    render(<Host part={part} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(commonEn.networkError);
    await user.click(screen.getByRole("button", { name: commonEn.retry }));
    expect(await screen.findByText("The form")).toBeTruthy();
    expect(calls).toBe(2);
  });

  it("R-UI-09: a part is imported once, however many components use it", async () => {
    let calls = 0;
    const part = deferredPart(async () => {
      calls++;
      return inside;
    });
    render(
      <>
        <Host part={part} />
        <Host part={part} />
      </>,
    );
    expect(await screen.findAllByText("The form")).toHaveLength(2);
    expect(calls).toBe(1);
  });
});

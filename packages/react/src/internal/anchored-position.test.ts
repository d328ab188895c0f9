import { describe, expect, it } from "vitest";
import { ANCHOR_GAP, placeNextTo, VIEWPORT_MARGIN } from "./anchored-position.ts";

const viewport = { width: 390, height: 800 };
const menu = { width: 160, height: 116 };
/** A 32px "⋯" button whose top edge is at `top`, its right edge at `right`. */
const button = (top: number, right = 370) => ({ top, bottom: top + 32, left: right - 32, right });

describe("placeNextTo", () => {
  it("R-UI-01: a menu opens below its button when it fits there, right edges aligned", () => {
    const placement = placeNextTo(button(60), menu, viewport);
    expect(placement).toEqual({
      top: 60 + 32 + ANCHOR_GAP,
      left: 370 - 160,
      side: "bottom",
      maxHeight: undefined,
    });
  });

  it("R-UI-01: the first row's menu never opens upwards, however close it sits to the top", () => {
    const placement = placeNextTo(button(0), menu, viewport);
    expect(placement.side).toBe("bottom");
    expect(placement.top).toBe(32 + ANCHOR_GAP);
  });

  it("R-UI-01: a menu opens above its button when the viewport has no room below", () => {
    const placement = placeNextTo(button(700), menu, viewport);
    expect(placement.side).toBe("top");
    expect(placement.top).toBe(700 - ANCHOR_GAP - 116);
    expect(placement.top + 116).toBeLessThanOrEqual(700);
  });

  it("R-UI-01: a menu stays inside the viewport's width on both sides", () => {
    expect(placeNextTo(button(60, 100), menu, viewport).left).toBe(VIEWPORT_MARGIN);
    expect(placeNextTo(button(60, 500), menu, viewport).left).toBe(390 - VIEWPORT_MARGIN - 160);
  });

  it("R-UI-01: a menu taller than the room on either side takes the larger side and scrolls", () => {
    const short = { width: 390, height: 200 };
    const placement = placeNextTo(button(40), menu, short);
    // Below: 200 - 72 - 4 - 8 = 116 fits exactly; one pixel more does not.
    expect(placement).toMatchObject({ side: "bottom", maxHeight: undefined });
    const taller = placeNextTo(button(40), { width: 160, height: 140 }, short);
    expect(taller).toMatchObject({ side: "bottom", top: 76, maxHeight: 116 });
    const lower = placeNextTo(button(120), { width: 160, height: 140 }, short);
    expect(lower).toMatchObject({ side: "top", maxHeight: 120 - ANCHOR_GAP - VIEWPORT_MARGIN });
    expect(lower.top).toBe(VIEWPORT_MARGIN);
  });
});

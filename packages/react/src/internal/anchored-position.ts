/** A box in viewport coordinates, as `getBoundingClientRect()` answers it. */
export interface Box {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Where a floating box goes: viewport coordinates for `position: fixed`. */
export interface Placement {
  top: number;
  left: number;
  /** Below or above its anchor. */
  side: "bottom" | "top";
  /** Set when the box is taller than the room on its side: it then scrolls. */
  maxHeight: number | undefined;
}

/** Space between the anchor and the box. */
export const ANCHOR_GAP = 4;
/** Space kept free between the box and the viewport's edges. */
export const VIEWPORT_MARGIN = 8;

/**
 * Places a box of `size` next to `anchor` inside a viewport of `viewport` size: below the
 * anchor when it fits there or when below has more room than above, else above; its right
 * edge on the anchor's right edge, moved left or right to stay inside the viewport. A box
 * taller than the room on the chosen side gets a `maxHeight` of that room.
 */
export function placeNextTo(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
): Placement {
  const below = viewport.height - anchor.bottom - ANCHOR_GAP - VIEWPORT_MARGIN;
  const above = anchor.top - ANCHOR_GAP - VIEWPORT_MARGIN;
  const side = size.height <= below || below >= above ? "bottom" : "top";
  const room = Math.max(0, side === "bottom" ? below : above);
  const height = Math.min(size.height, room);
  const top = side === "bottom" ? anchor.bottom + ANCHOR_GAP : anchor.top - ANCHOR_GAP - height;
  const rightmost = viewport.width - VIEWPORT_MARGIN - size.width;
  const left = Math.max(VIEWPORT_MARGIN, Math.min(anchor.right - size.width, rightmost));
  return { top, left, side, maxHeight: size.height > room ? room : undefined };
}

/** The viewport's size without its scrollbars. */
export function viewportSize(document: Document): { width: number; height: number } {
  const root = document.documentElement;
  const view = document.defaultView;
  return {
    width: root.clientWidth || view?.innerWidth || 0,
    height: root.clientHeight || view?.innerHeight || 0,
  };
}

/**
 * Whether any part of `element` can be seen: its box overlaps the viewport and every
 * ancestor that clips its content (overflow other than `visible`). A menu anchored to an
 * element scrolled out of its table would float next to nothing.
 */
export function isInView(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return false;
  const overlaps = (clip: Box) =>
    box.bottom > clip.top &&
    box.top < clip.bottom &&
    box.right > clip.left &&
    box.left < clip.right;
  const root = element.ownerDocument.documentElement;
  const { width, height } = viewportSize(element.ownerDocument);
  if (!overlaps({ top: 0, left: 0, right: width, bottom: height })) {
    return false;
  }
  for (let node = element.parentElement; node && node !== root; node = node.parentElement) {
    const style = view.getComputedStyle(node);
    if (style.position === "fixed") break;
    const clips = [style.overflow, style.overflowX, style.overflowY].some(
      (value) => value !== "" && value !== "visible",
    );
    if (clips) {
      if (!overlaps(node.getBoundingClientRect())) return false;
    }
  }
  return true;
}

"use client";
import { type RefObject, useLayoutEffect, useState } from "react";

/** Options of `useWindowedRows`. */
export interface UseWindowedRowsOptions {
  /** How many rows the list has. */
  count: number;
  /** The scrolling element; its `thead` (if any) sits above the rows. */
  scrollRef: RefObject<HTMLElement | null>;
  /** Row height before one is measured (server render, first paint, no layout). */
  defaultRowHeight: number;
  /** Rows drawn beyond the visible ones, each way. */
  overscan: number;
  /** Rows assumed visible when the scroller reports no height (hidden, or jsdom). */
  fallbackRows: number;
}

/** The rows to draw and the space to leave for the others. */
export interface WindowedRows {
  /** First row to draw (inclusive). */
  start: number;
  /** Last row to draw (exclusive). */
  end: number;
  /** Pixels above the first drawn row. */
  paddingTop: number;
  /** Pixels below the last drawn row. */
  paddingBottom: number;
}

interface Viewport {
  /** Scroll offset of the rows' top edge. */
  top: number;
  height: number;
  rowHeight: number;
}

/** Which rows a viewport shows, with overscan. */
export function windowFor(count: number, viewport: Viewport, overscan: number): WindowedRows {
  const { top, height, rowHeight } = viewport;
  const first = Math.floor(Math.max(0, top) / rowHeight);
  const last = Math.ceil((Math.max(0, top) + height) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, last + overscan));
  return {
    start,
    end,
    paddingTop: start * rowHeight,
    paddingBottom: (count - end) * rowHeight,
  };
}

/**
 * Windowing for a list of equal-height rows: only the rows in view (and `overscan` more each
 * way) are drawn, the others are space. The row height is measured from a drawn row whenever
 * the scroller changes size, so it follows the CSS (44 px rows, 28 px compact, taller cards
 * in the stacked layout of a narrow container). The state changes only when the drawn range
 * does, not on every scroll event. Internal: the invitations table (rows of one height by
 * design, so the arithmetic is all that windowing needs).
 */
export function useWindowedRows({
  count,
  scrollRef,
  defaultRowHeight,
  overscan,
  fallbackRows,
}: UseWindowedRowsOptions): WindowedRows {
  const [viewport, setViewport] = useState<Viewport>({
    top: 0,
    height: defaultRowHeight * fallbackRows,
    rowHeight: defaultRowHeight,
  });
  const hasRows = count > 0;

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || !hasRows) return;
    let frame = 0;
    const read = (): Viewport => {
      const row = scroller.querySelector<HTMLElement>("[data-slot='row']");
      const head = scroller.querySelector<HTMLElement>("thead");
      const rowHeight = row?.offsetHeight || defaultRowHeight;
      return {
        top: scroller.scrollTop - (head?.offsetHeight ?? 0),
        height: scroller.clientHeight || rowHeight * fallbackRows,
        rowHeight,
      };
    };
    const update = () => {
      frame = 0;
      const next = read();
      setViewport((current) => {
        // Same range and geometry: keep the state, so React skips the render.
        const before = windowFor(count, current, overscan);
        const after = windowFor(count, next, overscan);
        return before.start === after.start &&
          before.end === after.end &&
          current.rowHeight === next.rowHeight
          ? current
          : next;
      });
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    // Measured before the first paint: when the guess was right (the usual case), the state
    // stays and React renders nothing more.
    update();
    scroller.addEventListener("scroll", onScroll, { passive: true });
    const observer = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(update);
    observer?.observe(scroller);
    return () => {
      if (frame !== 0) cancelAnimationFrame(frame);
      scroller.removeEventListener("scroll", onScroll);
      observer?.disconnect();
    };
  }, [scrollRef, hasRows, count, defaultRowHeight, overscan, fallbackRows]);

  return windowFor(count, viewport, overscan);
}

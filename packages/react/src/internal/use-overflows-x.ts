"use client";
import { type RefObject, useLayoutEffect, useState } from "react";

/**
 * Whether an element's content is wider than the element (it scrolls sideways), kept up to
 * date as either changes size. False until measured, and wherever there is no layout (server,
 * jsdom). Internal: the table holds Email in place only when it scrolls sideways, since
 * sticky cells cost every row a layer of its own.
 */
export function useOverflowsX(ref: RefObject<HTMLElement | null>): boolean {
  const [overflows, setOverflows] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const measure = () => setOverflows(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    // The content too: its width changes with the columns, the element's may not.
    const inner = element.firstElementChild;
    if (inner) observer.observe(inner);
    return () => observer.disconnect();
  }, [ref]);
  return overflows;
}

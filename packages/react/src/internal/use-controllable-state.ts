"use client";
import { useCallback, useRef, useState } from "react";

/** Options of `useControllableState`. */
export interface UseControllableStateOptions<T> {
  /** The controlled value; when not `undefined`, the component is controlled. */
  prop?: T | undefined;
  /** The initial value when uncontrolled. */
  defaultProp: T;
  /** Called with every new value, controlled or not. */
  onChange?: ((value: T) => void) | undefined;
}

/**
 * State that is controlled when `prop` is given and uncontrolled otherwise, Radix style.
 * The setter accepts a value or an updater; `onChange` fires only when the value changes.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
}: UseControllableStateOptions<T>): [T, (next: T | ((prev: T) => T)) => void] {
  const [uncontrolled, setUncontrolled] = useState<T>(defaultProp);
  const controlled = prop !== undefined;
  const value = controlled ? prop : uncontrolled;
  // Refs let the setter stay stable while reading the newest value and callback.
  const valueRef = useRef(value);
  valueRef.current = value;
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const setValue = useCallback(
    (next: T | ((prev: T) => T)) => {
      const resolved =
        typeof next === "function" ? (next as (prev: T) => T)(valueRef.current) : next;
      if (Object.is(resolved, valueRef.current)) return;
      valueRef.current = resolved;
      if (!controlled) setUncontrolled(resolved);
      onChangeRef.current?.(resolved);
    },
    [controlled],
  );

  return [value, setValue];
}

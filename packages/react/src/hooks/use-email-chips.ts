"use client";
import { markDuplicates, type ParsedAddress, parseEmailList } from "@foyer/core/rules";
import { useCallback, useMemo, useState } from "react";
import { useControllableState } from "../internal/use-controllable-state.ts";

/** Options of `useEmailChips`. */
export interface UseEmailChipsOptions {
  /** The entries as typed (controlled). */
  value?: string[] | undefined;
  /** The initial entries when uncontrolled. @default [] */
  defaultValue?: string[] | undefined;
  /** Called with the new entries after every change. */
  onValueChange?: ((value: string[]) => void) | undefined;
}

/** Counts of a chip list. */
export interface EmailChipCounts {
  /** Every entry. */
  total: number;
  /** Valid and not repeated: what would be sent. */
  valid: number;
  /** Not an email address. */
  invalid: number;
  /** Same address as an earlier entry. */
  duplicate: number;
}

/** What `useEmailChips` returns. */
export interface EmailChips {
  /** The entries as typed. */
  entries: string[];
  /** Each entry judged by core's `markDuplicates`: valid, invalid or duplicate. */
  chips: ParsedAddress[];
  /** Counts by state. */
  counts: EmailChipCounts;
  /** The normalised addresses to send: valid ones, each once, in order. */
  validEmails: string[];
  /** Splits free text (typed or pasted) with core's `parseEmailList` and appends each entry. */
  addText: (text: string) => number;
  /** Appends entries as they are (one per chip, e.g. from a CSV column). */
  addEntries: (entries: readonly string[]) => void;
  /** Removes the entry at `index`. */
  remove: (index: number) => void;
  /** Removes the last entry (Backspace in an empty field). */
  removeLast: () => void;
  /** Removes every invalid and repeated entry. */
  removeInvalid: () => void;
  /** Removes every entry and the draft. */
  clear: () => void;
  /** Text typed but not yet turned into chips (the input's value). */
  draft: string;
  setDraft: (draft: string) => void;
  /** Turns the draft into chips (Enter, a separator, leaving the field); returns how many. */
  commitDraft: () => number;
}

/**
 * R-INV-02: a list of typed or pasted addresses, validated as they are added with core's
 * `parseEmailList`/`markDuplicates`, so chips can show which are invalid or repeated.
 * @example
 * const chips = useEmailChips();
 * chips.addText("ana@acme.com, ben@acme");
 * chips.counts; // { total: 2, valid: 1, invalid: 1, duplicate: 0 }
 */
export function useEmailChips(options: UseEmailChipsOptions = {}): EmailChips {
  const [entries, setEntries] = useControllableState<string[]>({
    prop: options.value,
    defaultProp: options.defaultValue ?? [],
    onChange: options.onValueChange,
  });

  const chips = useMemo(() => markDuplicates(entries), [entries]);
  const counts = useMemo(() => countAddresses(chips), [chips]);
  const validEmails = useMemo(
    () => chips.flatMap((chip) => (chip.state === "valid" && chip.email ? [chip.email] : [])),
    [chips],
  );

  const addText = useCallback(
    (text: string) => {
      const parsed = parseEmailList(text);
      if (parsed.length > 0) setEntries((current) => [...current, ...parsed.map((p) => p.input)]);
      return parsed.length;
    },
    [setEntries],
  );
  const addEntries = useCallback(
    (more: readonly string[]) => {
      const cleaned = more.map((entry) => entry.trim()).filter((entry) => entry !== "");
      if (cleaned.length > 0) setEntries((current) => [...current, ...cleaned]);
    },
    [setEntries],
  );
  const remove = useCallback(
    (index: number) => setEntries((current) => current.filter((_, i) => i !== index)),
    [setEntries],
  );
  const removeLast = useCallback(
    () => setEntries((current) => (current.length === 0 ? current : current.slice(0, -1))),
    [setEntries],
  );
  const removeInvalid = useCallback(
    () =>
      setEntries((current) =>
        markDuplicates(current).flatMap((chip) => (chip.state === "valid" ? [chip.input] : [])),
      ),
    [setEntries],
  );
  const [draft, setDraft] = useState("");
  const clear = useCallback(() => {
    setEntries([]);
    setDraft("");
  }, [setEntries]);
  const commitDraft = useCallback(() => {
    const added = draft.trim() === "" ? 0 : addText(draft);
    setDraft("");
    return added;
  }, [draft, addText]);

  return {
    entries,
    chips,
    counts,
    validEmails,
    addText,
    addEntries,
    remove,
    removeLast,
    removeInvalid,
    clear,
    draft,
    setDraft,
    commitDraft,
  };
}

/** Counts parsed addresses by state. */
export function countAddresses(parsed: readonly ParsedAddress[]): EmailChipCounts {
  let valid = 0;
  let invalid = 0;
  let duplicate = 0;
  for (const entry of parsed) {
    if (entry.state === "valid") valid++;
    else if (entry.state === "invalid") invalid++;
    else duplicate++;
  }
  return { total: parsed.length, valid, invalid, duplicate };
}

"use client";
import type { ParsedAddress, SkipReason } from "@foyer/core/rules";
import {
  type ClipboardEvent,
  type KeyboardEvent,
  memo,
  type RefObject,
  useCallback,
  useId,
  useRef,
  useState,
} from "react";
import type { EmailChips } from "../../hooks/use-email-chips.ts";
import { cx } from "../../internal/cx.ts";
import type { SlotClassNames } from "../../internal/slots.ts";
import type { BulkInviteModalStrings } from "../../localization/bulk-invite-modal.ts";
import type { UseLocalizationResult } from "../../localization/use-localization.ts";
import type { BulkInviteModalSlot } from "./slots.ts";

/** Props of `EmailChipField`. Internal: part of `BulkInviteModal`. */
export interface EmailChipFieldProps {
  chips: EmailChips;
  /** Why an entry would be skipped (the browser's finding or the server's dry run). */
  verdictFor: (entry: ParsedAddress) => SkipReason | null;
  l10n: UseLocalizationResult<"bulkInviteModal">;
  inputRef: RefObject<HTMLInputElement | null>;
  invalid: boolean;
  errorId: string | undefined;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
}

// Whitespace commits a typed address unless a `Name <address>` entry is still open.
function shouldCommit(value: string): boolean {
  const last = value.at(-1) ?? "";
  if (last === "," || last === ";") return true;
  if (!/\s/.test(last)) return false;
  return value.lastIndexOf("<") <= value.lastIndexOf(">");
}

interface ChipListProps {
  chips: readonly ParsedAddress[];
  verdictFor: EmailChipFieldProps["verdictFor"];
  strings: BulkInviteModalStrings;
  format: UseLocalizationResult["formatMessage"];
  activeIndex: number;
  onActiveIndexChange: (index: number) => void;
  onRemove: (index: number) => void;
  onLeaveEnd: () => void;
  idPrefix: string;
  classNames: SlotClassNames<BulkInviteModalSlot> | undefined;
}

/**
 * The chips, one tab stop for all of them (roving focus): arrows move, Backspace/Delete and
 * Enter remove. A chip the batch would skip (invalid, repeated, or by the server's dry run:
 * already pending, a member, deactivated …) is marked, its reason on hover and focus.
 * Memoised so typing in the input does not re-render a long list.
 */
const ChipList = memo(function ChipList({
  chips,
  verdictFor,
  strings,
  format,
  activeIndex,
  onActiveIndexChange,
  onRemove,
  onLeaveEnd,
  idPrefix,
  classNames,
}: ChipListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const focusChip = (index: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>("button[data-chip]");
    buttons?.[index]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = chips.length - 1;
    let next: number | null = null;
    switch (event.key) {
      case "ArrowLeft":
      case "ArrowUp":
        next = Math.max(0, index - 1);
        break;
      case "ArrowRight":
      case "ArrowDown":
        if (index === last) {
          event.preventDefault();
          onLeaveEnd();
          return;
        }
        next = index + 1;
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = last;
        break;
      case "Backspace":
      case "Delete": {
        event.preventDefault();
        onRemove(index);
        if (last === 0) onLeaveEnd();
        else {
          const target =
            event.key === "Backspace" ? Math.max(0, index - 1) : Math.min(index, last - 1);
          onActiveIndexChange(target);
          requestAnimationFrame(() => focusChip(target));
        }
        return;
      }
      default:
        return;
    }
    event.preventDefault();
    onActiveIndexChange(next);
    focusChip(next);
  };

  if (chips.length === 0) return null;
  const current = Math.min(Math.max(activeIndex, 0), chips.length - 1);
  return (
    <ul
      ref={listRef}
      className={cx("foyer-bulk-invite__chips", classNames?.chips)}
      data-slot="chips"
      aria-label={strings.emailsLabel}
    >
      {chips.map((chip, index) => {
        const verdict = verdictFor(chip);
        const reason =
          chip.state === "invalid"
            ? strings.chipInvalid
            : chip.state === "duplicate"
              ? strings.chipDuplicate
              : verdict
                ? strings.reasons[verdict]
                : null;
        const state = chip.state === "valid" && verdict ? "skipped" : chip.state;
        const reasonId = `${idPrefix}-reason-${index}`;
        return (
          <li
            // biome-ignore lint/suspicious/noArrayIndexKey: entries repeat (duplicates are the point); position is their identity
            key={`${index}:${chip.input}`}
            className={cx("foyer-chip", classNames?.chip)}
            data-slot="chip"
            data-state={state}
            data-reason={verdict ?? undefined}
          >
            <span className="foyer-chip__text">{chip.input}</span>
            <button
              type="button"
              data-chip=""
              className="foyer-chip__remove"
              tabIndex={index === current ? 0 : -1}
              aria-label={format(strings.removeChip, { email: chip.input })}
              aria-describedby={reason ? reasonId : undefined}
              aria-invalid={state === "valid" ? undefined : true}
              onFocus={() => onActiveIndexChange(index)}
              onClick={() => onRemove(index)}
              onKeyDown={(event) => onKeyDown(event, index)}
            >
              <span aria-hidden="true">×</span>
            </button>
            {reason && (
              <span id={reasonId} role="tooltip" className="foyer-chip__reason">
                {reason}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
});

/**
 * The address field of the bulk invite modal: typed or pasted text becomes chips, validated
 * as they appear (R-INV-02). Internal: `BulkInviteModal` renders it from `useBulkInvite`.
 */
export function EmailChipField({
  chips,
  verdictFor,
  l10n,
  inputRef,
  invalid,
  errorId,
  classNames,
}: EmailChipFieldProps) {
  const strings = l10n.t.bulkInviteModal;
  const format = l10n.formatMessage;
  const id = useId();
  const inputId = `${id}-input`;
  const hintId = `${id}-hint`;
  const summaryId = `${id}-summary`;
  const [activeIndex, setActiveIndex] = useState(-1);
  const { addText, removeLast, remove, draft, setDraft } = chips;

  const commit = useCallback(
    (text: string) => {
      if (text.trim() !== "") addText(text);
      setDraft("");
    },
    [addText, setDraft],
  );
  const focusInput = useCallback(() => inputRef.current?.focus(), [inputRef]);
  const onRemove = useCallback((index: number) => remove(index), [remove]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit(draft);
    } else if (event.key === "Backspace" && draft === "" && chips.entries.length > 0) {
      event.preventDefault();
      removeLast();
    } else if (event.key === "ArrowLeft" && draft === "" && chips.entries.length > 0) {
      event.preventDefault();
      const last = chips.entries.length - 1;
      setActiveIndex(last);
      const buttons = event.currentTarget
        .closest("[data-slot='chip-input']")
        ?.querySelectorAll<HTMLButtonElement>("button[data-chip]");
      buttons?.[last]?.focus();
    }
  };
  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData("text");
    if (pasted === "") return;
    event.preventDefault();
    commit(`${draft}\n${pasted}`);
  };

  const { counts } = chips;
  const skipped = counts.invalid + counts.duplicate;
  return (
    <div className={cx("foyer-bulk-invite__field", classNames?.field)} data-slot="field">
      <label className="foyer-label" htmlFor={inputId}>
        {strings.emailsLabel}
      </label>
      <div
        className={cx("foyer-chip-input", classNames?.chipInput)}
        data-slot="chip-input"
        data-state={invalid ? "invalid" : "valid"}
      >
        <ChipList
          chips={chips.chips}
          verdictFor={verdictFor}
          strings={strings}
          format={format}
          activeIndex={activeIndex < 0 ? chips.chips.length - 1 : activeIndex}
          onActiveIndexChange={setActiveIndex}
          onRemove={onRemove}
          onLeaveEnd={focusInput}
          idPrefix={id}
          classNames={classNames}
        />
        <input
          ref={inputRef}
          id={inputId}
          className={cx("foyer-chip-input__input", classNames?.input)}
          data-slot="input"
          data-foyer-autofocus=""
          type="text"
          inputMode="email"
          autoComplete="off"
          spellCheck={false}
          placeholder={chips.entries.length === 0 ? strings.emailsPlaceholder : undefined}
          value={draft}
          aria-invalid={invalid || undefined}
          aria-describedby={[hintId, summaryId, errorId].filter(Boolean).join(" ")}
          onChange={(event) => {
            const value = event.target.value;
            if (shouldCommit(value)) commit(value);
            else setDraft(value);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => commit(draft)}
        />
      </div>
      <p id={hintId} className="foyer-hint">
        {strings.emailsHint}
      </p>
      <div className="foyer-bulk-invite__summary" data-slot="summary">
        <p id={summaryId}>
          {counts.total > 0 && format(strings.emailsCount, { count: counts.total })}
          {skipped > 0 && ` · ${format(strings.emailsIgnored, { count: skipped })}`}
        </p>
        {skipped > 0 && (
          <button
            type="button"
            className="foyer-button foyer-button--ghost foyer-button--small"
            onClick={chips.removeInvalid}
          >
            {strings.removeInvalid}
          </button>
        )}
      </div>
    </div>
  );
}

"use client";
import type { PasswordCheck } from "@foyer/core/rules";
import { type ReactNode, type RefObject, useState } from "react";
import type { AcceptInvitePageStrings } from "../localization/accept-invite-page.ts";
import type { UseLocalizationResult } from "../localization/use-localization.ts";
import { cx } from "./cx.ts";
import { PasswordChecklist } from "./password-checklist.tsx";
import type { SlotClassNames } from "./slots.ts";

// The form parts of the invitee's two pages (AcceptForm, JoinForm): fields with their errors
// and the password block. Loaded with the forms, on demand: no Radix, no public hook.
// Internal.

/** Props of `FormField`. */
export interface FormFieldProps {
  name: string;
  /** The input's id; its error's id is derived from it. */
  inputId: string;
  label: string;
  type: string;
  autoComplete: string;
  value: string;
  /** What is wrong with the value, shown under it and tied to it; null when nothing. */
  message: string | null;
  /** Ids of other text that describes the input (the password checklist). */
  describedBy?: string | undefined;
  inputRef: (node: HTMLInputElement | null) => void;
  onChange: (value: string) => void;
  onBlur: () => void;
  /** Drawn beside the input, inside its control box (the show-password button). */
  extra?: ReactNode;
  classNames: SlotClassNames<"field" | "label" | "input" | "error"> | undefined;
}

/** A labelled, required text input of the invitee's form, with its error under it. */
export function FormField({
  name,
  inputId,
  label,
  type,
  autoComplete,
  value,
  message,
  describedBy,
  inputRef,
  onChange,
  onBlur,
  extra,
  classNames,
}: FormFieldProps) {
  const errorId = message ? `${inputId}-error` : undefined;
  return (
    <div
      className={cx("foyer-accept__field", classNames?.field)}
      data-slot="field"
      data-field={name}
    >
      <label className={cx("foyer-label", classNames?.label)} htmlFor={inputId} data-slot="label">
        {label}
      </label>
      <div className="foyer-accept__control">
        <input
          ref={inputRef}
          id={inputId}
          name={name}
          className={cx("foyer-input", classNames?.input)}
          data-slot="input"
          type={type}
          autoComplete={autoComplete}
          required
          value={value}
          aria-invalid={message ? true : undefined}
          aria-describedby={[describedBy, errorId].filter(Boolean).join(" ") || undefined}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
        {extra}
      </div>
      {message && (
        <p id={errorId} className={cx("foyer-field-error", classNames?.error)} data-slot="error">
          {message}
        </p>
      )}
    </div>
  );
}

/** How a page draws one of its fields (see `formFieldRenderer`). */
export type RenderField<Field extends string> = (
  name: Field,
  label: string,
  input: { type: string; autoComplete: string; describedBy?: string | undefined },
  extra?: ReactNode,
) => ReactNode;

/**
 * A page's `field(name, label, input, extra)`: a `FormField` wired to the form's values,
 * messages, focus refs and callbacks, its id derived from `idPrefix` and the name.
 */
export function formFieldRenderer<Field extends string>(form: {
  idPrefix: string;
  values: Record<Field, string>;
  errorText: (field: Field) => string | null;
  refs: RefObject<Partial<Record<Field, HTMLInputElement | null>>>;
  setValue: (field: Field, value: string) => void;
  touch: (field: Field) => void;
  classNames: FormFieldProps["classNames"];
}): RenderField<Field> {
  return (name, label, input, extra) => (
    <FormField
      name={name}
      inputId={`${form.idPrefix}-${name}`}
      label={label}
      type={input.type}
      autoComplete={input.autoComplete}
      describedBy={input.describedBy}
      value={form.values[name]}
      message={form.errorText(name)}
      inputRef={(node) => {
        form.refs.current[name] = node;
      }}
      onChange={(value) => form.setValue(name, value)}
      onBlur={() => form.touch(name)}
      extra={extra}
      classNames={form.classNames}
    />
  );
}

/**
 * The password with its show/hide button and live checklist (R-PWD-01), then the
 * confirmation; showing the password shows both.
 */
export function PasswordFields({
  idPrefix,
  field,
  check,
  strings,
  format,
  checklistClassName,
}: {
  idPrefix: string;
  field: RenderField<"password" | "passwordConfirmation">;
  check: PasswordCheck;
  strings: AcceptInvitePageStrings;
  format: UseLocalizationResult["formatMessage"];
  checklistClassName: string | undefined;
}) {
  const [showPassword, setShowPassword] = useState(false);
  return (
    <>
      {field(
        "password",
        strings.passwordLabel,
        {
          type: showPassword ? "text" : "password",
          autoComplete: "new-password",
          describedBy: `${idPrefix}-rules`,
        },
        <button
          type="button"
          className="foyer-button foyer-button--ghost foyer-accept__toggle"
          aria-controls={`${idPrefix}-password`}
          onClick={() => setShowPassword((shown) => !shown)}
        >
          {showPassword ? strings.hidePassword : strings.showPassword}
        </button>,
      )}
      <PasswordChecklist
        id={`${idPrefix}-rules`}
        check={check}
        strings={strings}
        format={format}
        className={checklistClassName}
      />
      {field("passwordConfirmation", strings.confirmLabel, {
        type: showPassword ? "text" : "password",
        autoComplete: "new-password",
      })}
    </>
  );
}

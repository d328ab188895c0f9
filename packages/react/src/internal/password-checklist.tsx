"use client";
import type { PasswordCheck, PasswordRuleId } from "@foyer/core/rules";
import { useEffect, useRef, useState } from "react";
import type { AcceptInvitePageStrings } from "../localization/accept-invite-page.ts";
import type { UseLocalizationResult } from "../localization/use-localization.ts";
import { cx } from "./cx.ts";

/** Props of `PasswordChecklist`. Internal: AcceptInvitePage and JoinPage. */
export interface PasswordChecklistProps {
  id: string;
  check: PasswordCheck;
  strings: AcceptInvitePageStrings;
  format: UseLocalizationResult["formatMessage"];
  className?: string | undefined;
}

// The upper length limit is a ceiling, not a goal: listed only once it is broken.
function visibleRules(check: PasswordCheck) {
  return check.rules.filter((rule) => rule.id !== "maxLength" || !rule.met);
}

/**
 * R-PWD-01: every rule of the policy, ticked as it is met; changes are announced politely
 * (only the rules that changed, so a screen reader is not read the whole list per key).
 */
export function PasswordChecklist({
  id,
  check,
  strings,
  format,
  className,
}: PasswordChecklistProps) {
  const previous = useRef<Map<PasswordRuleId, boolean> | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const label = (ruleId: PasswordRuleId, count: number | undefined) =>
    format(strings.rules[ruleId], count === undefined ? {} : { count });

  useEffect(() => {
    const before = previous.current;
    const now = new Map(check.rules.map((rule) => [rule.id, rule.met]));
    previous.current = now;
    if (before === null) return;
    const changes = check.rules
      .filter((rule) => before.get(rule.id) !== undefined && before.get(rule.id) !== rule.met)
      .map((rule) =>
        format(rule.met ? strings.ruleMetAnnouncement : strings.ruleUnmetAnnouncement, {
          rule: label(rule.id, rule.count),
        }),
      );
    if (changes.length > 0) setAnnouncement(changes.join(". "));
  });

  return (
    <div
      className={cx("foyer-checklist", className)}
      data-slot="checklist"
      data-state={check.ok ? "met" : "unmet"}
    >
      <p id={`${id}-title`} className="foyer-checklist__title">
        {strings.checklistTitle}
      </p>
      <ul id={id} aria-labelledby={`${id}-title`} className="foyer-checklist__list">
        {visibleRules(check).map((rule) => (
          <li
            key={rule.id}
            className="foyer-checklist__rule"
            data-rule={rule.id}
            data-state={rule.met ? "met" : "unmet"}
          >
            <span className="foyer-checklist__icon" aria-hidden="true">
              {rule.met ? "✓" : "○"}
            </span>
            <span>{label(rule.id, rule.count)}</span>
            <span className="foyer-sr-only">{`, ${rule.met ? strings.ruleMet : strings.ruleUnmet}`}</span>
          </li>
        ))}
      </ul>
      <div
        role="status"
        aria-live="polite"
        className="foyer-sr-only"
        data-slot="checklist-announcer"
      >
        {announcement}
      </div>
    </div>
  );
}

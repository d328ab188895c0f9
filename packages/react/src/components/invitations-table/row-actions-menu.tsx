"use client";
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { cx } from "../../internal/cx.ts";

/** One entry of a row's "⋯" menu. */
export interface RowAction {
  key: string;
  label: string;
  /** Called after the menu closed; gets the trigger so a dialog can return focus to it. */
  onSelect: (trigger: HTMLButtonElement) => void;
  danger?: boolean;
}

/** Props of `RowActionsMenu`. Internal to InvitationsTable. */
export interface RowActionsMenuProps {
  /** The trigger's accessible name, e.g. "Actions for ana@acme.com". */
  label: string;
  actions: RowAction[];
  disabled?: boolean;
  triggerClassName?: string | undefined;
  menuClassName?: string | undefined;
  itemClassName?: string | undefined;
}

type OpenWith = "first" | "last";

function menuItems(menu: HTMLElement | null): HTMLButtonElement[] {
  return Array.from(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
}

/**
 * The "⋯" menu of a row, following the WAI-ARIA menu button pattern: Enter, Space or
 * ArrowDown open it on the first item, ArrowUp on the last; arrows, Home and End move;
 * Escape closes and returns focus to the button; Tab or a click outside closes it. A
 * dropdown package would cost more than this whole file, hence written here.
 */
export function RowActionsMenu({
  label,
  actions,
  disabled,
  triggerClassName,
  menuClassName,
  itemClassName,
}: RowActionsMenuProps) {
  const [open, setOpen] = useState<OpenWith | null>(null);
  const [side, setSide] = useState<"bottom" | "top">("bottom");
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const triggerId = useId();
  const menuId = useId();

  const items = () => menuItems(menuRef.current);

  useLayoutEffect(() => {
    if (!open) return;
    const menu = menuRef.current;
    const trigger = triggerRef.current;
    if (menu && trigger) {
      // Open upwards when the menu would be clipped by the bottom of the scrolling table.
      const boundary = trigger.closest('[data-slot="scroller"]') ?? document.documentElement;
      const limit = boundary.getBoundingClientRect().bottom;
      const bottom = trigger.getBoundingClientRect().bottom + menu.offsetHeight + 8;
      setSide(limit > 0 && bottom > limit ? "top" : "bottom");
    }
    const list = menuItems(menu);
    (open === "first" ? list[0] : list[list.length - 1])?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !triggerRef.current?.contains(target)) {
        setOpen(null);
      }
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = (returnFocus: boolean) => {
    setOpen(null);
    if (returnFocus) triggerRef.current?.focus();
  };

  const onTriggerKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(event.key === "ArrowDown" ? "first" : "last");
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => list[(i + list.length) % list.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        focusAt(index + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        focusAt(index - 1);
        break;
      case "Home":
        event.preventDefault();
        focusAt(0);
        break;
      case "End":
        event.preventDefault();
        focusAt(list.length - 1);
        break;
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        close(true);
        break;
      case "Tab":
        close(false);
        break;
      default:
        break;
    }
  };

  return (
    <span className="foyer-invitations__menu-anchor">
      <button
        ref={triggerRef}
        id={triggerId}
        type="button"
        className={cx("foyer-button foyer-button--ghost foyer-button--icon", triggerClassName)}
        data-slot="row-actions"
        data-state={open ? "open" : "closed"}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((current) => (current ? null : "first"))}
        onKeyDown={onTriggerKeyDown}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-labelledby={triggerId}
          className={cx("foyer-menu", menuClassName)}
          data-slot="menu"
          data-state="open"
          data-side={side}
          onKeyDown={onMenuKeyDown}
        >
          {actions.map((action) => (
            <button
              key={action.key}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={cx("foyer-menu__item", itemClassName)}
              data-slot="menu-item"
              data-state={action.danger ? "danger" : "default"}
              onClick={() => {
                const trigger = triggerRef.current;
                close(true);
                if (trigger) action.onSelect(trigger);
              }}
            >
              {action.label}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}

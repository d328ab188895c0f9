"use client";
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { isInView, placeNextTo, viewportSize } from "../../internal/anchored-position.ts";
import { cx } from "../../internal/cx.ts";
import { useFoyerRootProps } from "../../internal/use-root-props.ts";

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

/** How the menu was opened: which item takes focus, and the theme it is drawn in. */
interface OpenState {
  focus: "first" | "last";
  /** The nearest `data-foyer-theme` above the button: the menu is drawn outside it. */
  theme: string | undefined;
}

function menuItems(menu: HTMLElement | null): HTMLButtonElement[] {
  return Array.from(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
}

/** Moves the menu next to its button, below it or above it, whichever has room. */
function positionMenu(menu: HTMLElement, trigger: HTMLElement): void {
  menu.style.maxHeight = "";
  const placement = placeNextTo(
    trigger.getBoundingClientRect(),
    { width: menu.offsetWidth, height: menu.offsetHeight },
    viewportSize(menu.ownerDocument),
  );
  menu.style.top = `${placement.top}px`;
  menu.style.left = `${placement.left}px`;
  menu.style.maxHeight = placement.maxHeight === undefined ? "" : `${placement.maxHeight}px`;
  menu.dataset.side = placement.side;
}

/**
 * The "⋯" menu of a row, following the WAI-ARIA menu button pattern: Enter, Space or
 * ArrowDown open it on the first item, ArrowUp on the last; arrows, Home and End move;
 * Escape closes and returns focus to the button; Tab closes and moves on from the button;
 * a click outside closes it.
 *
 * The open menu is drawn in a portal at the end of the document, with `position: fixed`
 * next to its button: below it, or above it when below has too little room in the
 * viewport. Inside the table it was clipped by the scroller and, opened upwards from a top
 * row, lay under the toolbar. It follows its button while the page or the table scrolls or
 * the window resizes, and closes once its button is scrolled out of sight. As the portal
 * leaves the component's tree, the menu is a `foyer-root` of its own with the provider's
 * variables and the nearest theme above the button.
 *
 * A dropdown package would cost more than this whole file, hence written here.
 */
export function RowActionsMenu({
  label,
  actions,
  disabled,
  triggerClassName,
  menuClassName,
  itemClassName,
}: RowActionsMenuProps) {
  const [open, setOpen] = useState<OpenState | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const triggerId = useId();
  const menuId = useId();
  const rootProps = useFoyerRootProps();

  const items = () => menuItems(menuRef.current);

  const openWith = (focus: OpenState["focus"]) => {
    const themed = triggerRef.current?.closest("[data-foyer-theme]");
    setOpen({ focus, theme: themed?.getAttribute("data-foyer-theme") ?? undefined });
  };

  useLayoutEffect(() => {
    if (!open) return;
    const menu = menuRef.current;
    const trigger = triggerRef.current;
    if (!menu || !trigger) return;
    positionMenu(menu, trigger);
    const list = menuItems(menu);
    (open.focus === "first" ? list[0] : list[list.length - 1])?.focus({ preventScroll: true });

    let frame = 0;
    const follow = (event: Event) => {
      // The menu's own scrolling (a very short viewport) moves nothing.
      if (event.target instanceof Node && menu.contains(event.target)) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (isInView(trigger)) {
          positionMenu(menu, trigger);
          return;
        }
        if (menu.contains(document.activeElement)) trigger.focus({ preventScroll: true });
        setOpen(null);
      });
    };
    const view = menu.ownerDocument.defaultView ?? window;
    view.addEventListener("scroll", follow, { capture: true, passive: true });
    view.addEventListener("resize", follow);
    return () => {
      cancelAnimationFrame(frame);
      view.removeEventListener("scroll", follow, { capture: true });
      view.removeEventListener("resize", follow);
    };
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
      openWith(event.key === "ArrowDown" ? "first" : "last");
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
        // The menu sits at the end of the document: Tab goes on from the button instead,
        // to the element after it (Shift+Tab: before it), as if the menu were still there.
        triggerRef.current?.focus({ preventScroll: true });
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
        onClick={() => (open ? setOpen(null) : openWith("first"))}
        onKeyDown={onTriggerKeyDown}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open &&
        createPortal(
          <div
            ref={menuRef}
            id={menuId}
            role="menu"
            aria-labelledby={triggerId}
            className={cx("foyer-root foyer-menu", menuClassName)}
            style={rootProps.style}
            data-foyer-theme={open.theme}
            data-slot="menu"
            data-state="open"
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
          </div>,
          document.body,
        )}
    </span>
  );
}

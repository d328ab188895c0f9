"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { cx } from "./cx.ts";

/** How a notice reads: a result, a failure, or neutral information. */
export type NoticeTone = "success" | "error" | "info";

/** One notice shown (and announced) by `Notices`. */
export interface Notice {
  id: number;
  tone: NoticeTone;
  message: string;
  /** Extra lines, such as the rows of a bulk action that failed. */
  details: string[];
}

/** Options of `announce`. */
export interface AnnounceOptions {
  /** @default "success" */
  tone?: NoticeTone;
  /** Extra lines under the message. */
  details?: string[];
}

/** What `useAnnouncer` returns. */
export interface Announcer {
  notices: Notice[];
  /** Shows a notice and announces it politely; returns its id. */
  announce: (message: string, options?: AnnounceOptions) => number;
  dismiss: (id: number) => void;
  /** Stops every notice from hiding itself (while the pointer or focus is on them). */
  pause: () => void;
  /** Lets them hide themselves again, each with its full time. */
  resume: () => void;
}

/** Milliseconds a notice stays: results briefly, failures (which say what to do) longer. */
const LIFETIME: Record<NoticeTone, number> = { success: 5000, info: 5000, error: 10_000 };

let nextNoticeId = 1;

/**
 * Notices for results of actions (resent, revoked, failed …), shown by `Notices` as toasts that
 * hide themselves: 5 s for results, 10 s for failures, paused while the pointer or keyboard
 * focus is on them (WCAG 2.2.1), and announced by a live region that exists before any notice.
 * Internal: the table's notices.
 */
export function useAnnouncer(): Announcer {
  const [notices, setNotices] = useState<Notice[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const paused = useRef(false);
  const latest = useRef(notices);
  latest.current = notices;

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  const schedule = useCallback(
    (notice: Notice) => {
      clearTimeout(timers.current.get(notice.id));
      timers.current.set(
        notice.id,
        setTimeout(() => dismiss(notice.id), LIFETIME[notice.tone]),
      );
    },
    [dismiss],
  );

  const announce = useCallback(
    (message: string, options: AnnounceOptions = {}) => {
      const notice: Notice = {
        id: nextNoticeId++,
        tone: options.tone ?? "success",
        message,
        details: options.details ?? [],
      };
      setNotices((current) => [...current, notice]);
      if (!paused.current) schedule(notice);
      return notice.id;
    },
    [schedule],
  );

  const pause = useCallback(() => {
    paused.current = true;
    for (const timer of timers.current.values()) clearTimeout(timer);
    timers.current.clear();
  }, []);
  const resume = useCallback(() => {
    paused.current = false;
    for (const notice of latest.current) schedule(notice);
  }, [schedule]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  return useMemo(
    () => ({ notices, announce, dismiss, pause, resume }),
    [notices, announce, dismiss, pause, resume],
  );
}

/** Props of `Notices`. */
export interface NoticesProps {
  announcer: Announcer;
  /** Accessible name of the region. */
  label: string;
  /** Accessible name of each notice's dismiss button. */
  dismissLabel: string;
  className?: string | undefined;
}

/**
 * The polite live region with the notices of an `Announcer`, as toasts fixed to the bottom
 * of the viewport: they never take space in the page, so nothing moves when one comes or
 * goes. Always rendered (empty when there is nothing to say) so the first notice is
 * announced too. Internal.
 */
export function Notices({ announcer, label, dismissLabel, className }: NoticesProps) {
  const { pause, resume } = announcer;
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label={label}
      className={cx("foyer-notices", className)}
      data-slot="notices"
      onPointerEnter={pause}
      onPointerLeave={resume}
      onFocus={pause}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) resume();
      }}
    >
      {announcer.notices.map((notice) => (
        <div key={notice.id} className="foyer-notice" data-slot="notice" data-state={notice.tone}>
          <div className="foyer-notice__body">
            <p>{notice.message}</p>
            {notice.details.length > 0 && (
              <ul>
                {notice.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )}
          </div>
          <button
            type="button"
            className="foyer-button foyer-button--ghost foyer-button--icon"
            aria-label={dismissLabel}
            onClick={() => announcer.dismiss(notice.id)}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}

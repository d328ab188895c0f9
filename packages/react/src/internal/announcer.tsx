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
  /**
   * Milliseconds before the notice hides itself; `null` keeps it until dismissed.
   * @default 6000 for success and info, null for errors
   */
  timeout?: number | null;
}

/** What `useAnnouncer` returns. */
export interface Announcer {
  notices: Notice[];
  /** Shows a notice and announces it politely; returns its id. */
  announce: (message: string, options?: AnnounceOptions) => number;
  dismiss: (id: number) => void;
  clear: () => void;
}

let nextNoticeId = 1;

/**
 * Notices for results of actions (resent, revoked, failed …), rendered by `Notices` into a
 * live region that exists before any notice does, so screen readers announce each one.
 */
export function useAnnouncer(): Announcer {
  const [notices, setNotices] = useState<Notice[]>([]);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setNotices((current) => current.filter((notice) => notice.id !== id));
  }, []);

  const announce = useCallback(
    (message: string, options: AnnounceOptions = {}) => {
      const tone = options.tone ?? "success";
      const id = nextNoticeId++;
      setNotices((current) => [...current, { id, tone, message, details: options.details ?? [] }]);
      const timeout =
        options.timeout === undefined ? (tone === "error" ? null : 6000) : options.timeout;
      if (timeout !== null)
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), timeout),
        );
      return id;
    },
    [dismiss],
  );

  const clear = useCallback(() => {
    for (const timer of timers.current.values()) clearTimeout(timer);
    timers.current.clear();
    setNotices([]);
  }, []);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
    };
  }, []);

  return useMemo(
    () => ({ notices, announce, dismiss, clear }),
    [notices, announce, dismiss, clear],
  );
}

/** Props of `Notices`. */
export interface NoticesProps {
  announcer: Announcer;
  /** Accessible name of the region. */
  label: string;
  /** Accessible name of each notice's dismiss button. */
  dismissLabel: string;
  className?: string;
}

/**
 * The polite live region with the notices of an `Announcer`. Always rendered (empty when
 * there is nothing to say) so that the first notice is announced too.
 */
export function Notices({ announcer, label, dismissLabel, className }: NoticesProps) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label={label}
      className={cx("foyer-notices", className)}
      data-slot="notices"
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

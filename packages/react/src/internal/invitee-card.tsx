"use client";
import { isLogoUrl } from "@foyer/core/rules";
import { type CSSProperties, type ReactNode, type RefObject, useState } from "react";
import { initialsOf, type TenantBranding } from "../hooks/tenant-branding.ts";
import { cx } from "./cx.ts";
import type { SlotClassNames } from "./slots.ts";

// The card parts the invitee's two pages share (AcceptInvitePage for a per-email
// invitation, JoinPage for a tenant's invite link); their forms share invitee-form.tsx.
// Internal.

/** The tenant's accent as the card's variables, or nothing to keep the host's theme. */
export function brandingStyle(branding: TenantBranding | null): CSSProperties | undefined {
  if (!branding) return undefined;
  return {
    "--foyer-accent": branding.accent,
    "--foyer-accent-foreground": branding.accentForeground,
  } as CSSProperties;
}

/** The card's skeleton while the link's preview loads, with a status for screen readers. */
export function CardLoading({ label, withLine }: { label: string; withLine: boolean }) {
  return (
    <div className="foyer-accept__loading" data-slot="loading">
      <span className="foyer-skeleton foyer-accept__skeleton-logo" />
      <span className="foyer-skeleton foyer-accept__skeleton-title" />
      {withLine && <span className="foyer-skeleton foyer-accept__skeleton-line" />}
      <span className="foyer-skeleton foyer-accept__skeleton-field" />
      <span className="foyer-skeleton foyer-accept__skeleton-field" />
      <span className="foyer-skeleton foyer-accept__skeleton-field" />
      <p role="status" className="foyer-sr-only">
        {label}
      </p>
    </div>
  );
}

/**
 * The tenant's logo, or its initials. The logo is tenant data: it loads only from where the
 * host said (an https URL, a path it serves, or an image data URL; core's `isLogoUrl`), else,
 * or when it fails, the initials show.
 */
export function TenantMark({
  logoUrl,
  tenantName,
  alt,
  className,
}: {
  logoUrl: string | null | undefined;
  tenantName: string;
  alt: string;
  className: string | undefined;
}) {
  const logo = logoUrl && isLogoUrl(logoUrl) ? logoUrl : null;
  const [logoFailed, setLogoFailed] = useState(false);
  return logo && !logoFailed ? (
    <img
      className={cx("foyer-accept__logo", className)}
      data-slot="logo"
      src={logo}
      alt={alt}
      referrerPolicy="no-referrer"
      onError={() => setLogoFailed(true)}
    />
  ) : (
    <span className={cx("foyer-accept__initials", className)} data-slot="logo" aria-hidden="true">
      {initialsOf(tenantName)}
    </span>
  );
}

/** The role as a badge; screen readers hear `label` ("Role: Client user"). */
export function RoleBadge({
  role,
  label,
  className,
}: {
  role: string;
  label: string;
  className: string | undefined;
}) {
  return (
    <span className={cx("foyer-badge foyer-accept__role", className)} data-slot="role">
      <span className="foyer-sr-only">{label}</span>
      <span aria-hidden="true">{role}</span>
    </span>
  );
}

/** A page in the card instead of the form (an error, done, check your email). */
export function CardMessage({
  title,
  children,
  headingRef,
  tone,
  classNames,
}: {
  title: string;
  children: ReactNode;
  /** The heading takes focus when the page shows (see the page components). */
  headingRef: RefObject<HTMLHeadingElement | null>;
  tone: "error" | "success";
  classNames: SlotClassNames<"message" | "title"> | undefined;
}) {
  return (
    <div
      className={cx("foyer-accept__message", classNames?.message)}
      data-slot="message"
      data-state={tone}
    >
      <h1 ref={headingRef} tabIndex={-1} className={cx("foyer-accept__title", classNames?.title)}>
        {title}
      </h1>
      {children}
    </div>
  );
}

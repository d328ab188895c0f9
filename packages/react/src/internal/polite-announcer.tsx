/** A polite live region that reads `children` out when they change. Internal. */
export function PoliteAnnouncer({ children }: { children: string | null | undefined }) {
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className="foyer-sr-only"
      data-slot="announcer"
    >
      {children}
    </div>
  );
}

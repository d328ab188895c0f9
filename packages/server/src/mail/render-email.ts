import type { EmailInput, RenderedEmail } from "./email-input.ts";
import { renderInvitation } from "./templates/invitation.tsx";
import { renderInviterNotice } from "./templates/inviter-notice.tsx";
import { renderVerification } from "./templates/verification.tsx";

/** Renders any email now (loaded on demand by `renderEmail` in `email-input.ts`). */
export function renderEmailNow(input: EmailInput): RenderedEmail {
  switch (input.template) {
    case "invitation":
      return renderInvitation(input);
    case "verification":
      return renderVerification(input);
    case "inviter_notice":
      return renderInviterNotice(input);
  }
}

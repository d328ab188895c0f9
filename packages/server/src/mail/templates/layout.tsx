/** @jsxRuntime automatic @jsxImportSource react */
import { Body } from "@react-email/body";
import { Button } from "@react-email/button";
import { Container } from "@react-email/container";
import { Head } from "@react-email/head";
import { Heading } from "@react-email/heading";
import { Hr } from "@react-email/hr";
import { Html } from "@react-email/html";
import { Img } from "@react-email/img";
import { Link } from "@react-email/link";
import { Preview } from "@react-email/preview";
import { Section } from "@react-email/section";
import { Text } from "@react-email/text";
import type { CSSProperties, ReactNode } from "react";
import type { EmailBranding } from "./branding.ts";
import type { EmailStrings } from "./strings.ts";

// The frame every Foyer email shares (R-EML-01): the tenant's logo (or name), a heading, the
// content, one button in the tenant's accent colour with the link spelled out below it, and
// notes in small print. Values are passed as React children, so React escapes them all.

const FONT =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const styles = {
  body: { backgroundColor: "#f4f5f7", margin: 0, padding: "24px 12px", fontFamily: FONT },
  card: {
    maxWidth: "560px",
    backgroundColor: "#ffffff",
    border: "1px solid #e5e7eb",
    borderRadius: "8px",
    padding: "32px 28px",
  },
  logo: { height: "40px", width: "auto", maxWidth: "200px", border: 0 },
  tenantName: { fontSize: "18px", fontWeight: 700, color: "#111827", margin: 0 },
  heading: { fontSize: "22px", lineHeight: "30px", color: "#111827", margin: "24px 0 16px" },
  text: { fontSize: "15px", lineHeight: "24px", color: "#1f2937", margin: "0 0 16px" },
  quoteLabel: { fontSize: "13px", lineHeight: "20px", color: "#4b5563", margin: "0 0 4px" },
  quote: {
    fontSize: "15px",
    lineHeight: "24px",
    color: "#1f2937",
    margin: "0 0 16px",
    padding: "12px 16px",
    backgroundColor: "#f9fafb",
    borderLeft: "3px solid #d1d5db",
    whiteSpace: "pre-wrap",
  },
  actions: { margin: "24px 0" },
  small: { fontSize: "13px", lineHeight: "20px", color: "#4b5563", margin: "0 0 8px" },
  rule: { borderColor: "#e5e7eb", margin: "24px 0 16px" },
  footer: { fontSize: "12px", lineHeight: "18px", color: "#6b7280", margin: "0 0 4px" },
  sentBy: { fontSize: "12px", lineHeight: "18px", color: "#6b7280", textAlign: "center" },
} satisfies Record<string, CSSProperties>;

/** What the frame shows around a template's content. */
export interface EmailLayoutProps {
  strings: EmailStrings;
  branding: EmailBranding;
  tenantName: string;
  productName: string;
  /** The `<title>`: the subject. */
  title: string;
  /** The inbox preview line. */
  preview: string;
  heading: string;
  /** The button and the URL it opens, spelled out below it. */
  action?: { label: string; href: string };
  /** Small print below the button (the expiry, say). */
  notes?: readonly string[];
  /** Below a rule at the end of the card (what to do if the email was unexpected). */
  footer?: readonly string[];
  children: ReactNode;
}

/** The tenant's logo, or its name when it has none. */
function Brand({ branding, tenantName }: Pick<EmailLayoutProps, "branding" | "tenantName">) {
  return (
    <Section>
      {branding.logoUrl ? (
        <Img src={branding.logoUrl} alt={tenantName} height="40" style={styles.logo} />
      ) : (
        <Text style={styles.tenantName}>{tenantName}</Text>
      )}
    </Section>
  );
}

/** The frame of every email. */
export function EmailLayout(props: EmailLayoutProps) {
  const { strings, branding, action } = props;
  const card: CSSProperties = branding.branded
    ? { ...styles.card, borderTop: `4px solid ${branding.accent}` }
    : styles.card;
  return (
    <Html lang={strings.lang} dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{props.title}</title>
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={styles.body}>
        <Container style={card}>
          <Brand branding={branding} tenantName={props.tenantName} />
          <Heading as="h1" style={styles.heading}>
            {props.heading}
          </Heading>
          {props.children}
          {action ? (
            <Section style={styles.actions}>
              <Button
                href={action.href}
                style={{
                  backgroundColor: branding.accent,
                  color: branding.onAccent,
                  fontSize: "15px",
                  fontWeight: 600,
                  borderRadius: "6px",
                  padding: "12px 20px",
                }}
              >
                {action.label}
              </Button>
            </Section>
          ) : null}
          {props.notes?.map((note) => (
            <Text key={note} style={styles.small}>
              {note}
            </Text>
          ))}
          {action ? (
            <Text style={styles.small}>
              {strings.copyLink}
              <br />
              <Link href={action.href} style={{ color: branding.link, wordBreak: "break-all" }}>
                {action.href}
              </Link>
            </Text>
          ) : null}
          {props.footer?.length ? <Hr style={styles.rule} /> : null}
          {props.footer?.map((line) => (
            <Text key={line} style={styles.footer}>
              {line}
            </Text>
          ))}
        </Container>
        <Text style={styles.sentBy}>{strings.sentBy(props.productName, props.tenantName)}</Text>
      </Body>
    </Html>
  );
}

/** A paragraph of the content. */
export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** A personal message, quoted as typed (line breaks kept), under its label. */
export function Quote({ label, children }: { label: string; children: string }) {
  return (
    <>
      <Text style={styles.quoteLabel}>{label}</Text>
      <Text style={styles.quote}>{children}</Text>
    </>
  );
}

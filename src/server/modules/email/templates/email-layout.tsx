// The frame of every mail, in the app's look (cream page, white card, clay accents). Built from
// react-email components, whose tables and inline styles hold up in mail clients.
import { Body, Container, Head, Hr, Html, Img, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

export const palette = {
  cream: '#fbf7f1',
  paper: '#ffffff',
  line: '#e4d8c8',
  ink: '#2a211c',
  ink2: '#5b4d44',
  ink3: '#6b5d52',
  clay: '#b8532b',
  sand: '#f3ebe0',
};

const font = 'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const display = '"Iowan Old Style", "Palatino Linotype", Palatino, Georgia, serif';

export interface Sender {
  /** Shown at the top: "Hearth", or the shop when the shop is speaking. */
  name: string;
  /** Absolute URL of the shop's logo, when it has one. */
  logoUrl?: string | null;
}

export function EmailLayout(props: {
  preview: string;
  sender?: Sender;
  appUrl: string;
  /** Why this mail came, one sentence for the footer. */
  reason: string;
  unsubscribeUrl?: string | null;
  children: ReactNode;
}) {
  const sender = props.sender ?? { name: 'Hearth' };
  return (
    <Html lang="en">
      <Head />
      <Preview>{props.preview}</Preview>
      <Body
        style={{ backgroundColor: palette.cream, fontFamily: font, color: palette.ink, margin: 0, padding: '24px 0' }}
      >
        <Container style={{ maxWidth: 560, margin: '0 auto', padding: '0 12px' }}>
          <Section style={{ padding: '0 4px 16px' }}>
            {sender.logoUrl ? (
              <Img
                src={sender.logoUrl}
                alt=""
                width="40"
                height="40"
                style={{ borderRadius: 8, display: 'inline-block', verticalAlign: 'middle', marginRight: 10 }}
              />
            ) : null}
            <Text
              style={{
                display: 'inline-block',
                verticalAlign: 'middle',
                margin: 0,
                fontFamily: display,
                fontSize: 22,
                fontWeight: 700,
                color: palette.clay,
              }}
            >
              {sender.name}
            </Text>
            {sender.name !== 'Hearth' ? (
              <Text style={{ margin: '2px 0 0', fontSize: 12, color: palette.ink3 }}>via Hearth</Text>
            ) : null}
          </Section>
          <Section
            style={{
              backgroundColor: palette.paper,
              border: `1px solid ${palette.line}`,
              borderRadius: 16,
              padding: '24px 24px 8px',
            }}
          >
            {props.children}
          </Section>
          <Hr style={{ borderColor: palette.line, margin: '20px 0 8px' }} />
          <Text style={{ fontSize: 12, lineHeight: '18px', color: palette.ink3, margin: '0 4px' }}>
            {props.reason} Hearth · a marketplace for handmade and vintage goods ·{' '}
            <Link href={props.appUrl} style={{ color: palette.ink3 }}>
              {new URL(props.appUrl).host}
            </Link>
          </Text>
          {props.unsubscribeUrl ? (
            <Text style={{ fontSize: 12, color: palette.ink3, margin: '6px 4px 0' }}>
              <Link href={props.unsubscribeUrl} style={{ color: palette.ink3 }}>
                Unsubscribe from these emails
              </Link>
            </Text>
          ) : null}
        </Container>
      </Body>
    </Html>
  );
}

export function Heading(props: { children: ReactNode }) {
  return (
    <Text
      style={{
        fontFamily: display,
        fontSize: 24,
        lineHeight: '30px',
        fontWeight: 700,
        margin: '0 0 12px',
        color: palette.ink,
      }}
    >
      {props.children}
    </Text>
  );
}

export function Paragraph(props: { children: ReactNode; muted?: boolean }) {
  return (
    <Text
      style={{ fontSize: 15, lineHeight: '23px', margin: '0 0 14px', color: props.muted ? palette.ink2 : palette.ink }}
    >
      {props.children}
    </Text>
  );
}

/** The one thing the mail asks the reader to do, as a button with the link spelled out under it. */
export function Action(props: { href: string; label: string }) {
  return (
    <Section style={{ margin: '8px 0 18px' }}>
      <Link
        href={props.href}
        style={{
          backgroundColor: palette.clay,
          color: '#ffffff',
          borderRadius: 999,
          padding: '12px 22px',
          fontWeight: 600,
          fontSize: 15,
          textDecoration: 'none',
          display: 'inline-block',
        }}
      >
        {props.label}
      </Link>
      <Text
        style={{ fontSize: 12, lineHeight: '18px', color: palette.ink3, margin: '12px 0 0', wordBreak: 'break-all' }}
      >
        Or paste this link into your browser: {props.href}
      </Text>
    </Section>
  );
}

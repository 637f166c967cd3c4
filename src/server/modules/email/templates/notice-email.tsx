// A short account notice from Hearth: a heading, a few sentences, maybe one action.
import { Action, EmailLayout, Heading, Paragraph } from './email-layout';

export interface NoticeEmailProps {
  appUrl: string;
  name: string;
  heading: string;
  paragraphs: string[];
  action?: { href: string; label: string } | null;
  reason: string;
}

export function NoticeEmail(p: NoticeEmailProps) {
  return (
    <EmailLayout preview={p.paragraphs[0] ?? p.heading} appUrl={p.appUrl} reason={p.reason}>
      <Heading>{p.heading}</Heading>
      <Paragraph>Hi {p.name},</Paragraph>
      {p.paragraphs.map((text) => (
        <Paragraph key={text}>{text}</Paragraph>
      ))}
      {p.action ? <Action href={p.action.href} label={p.action.label} /> : null}
    </EmailLayout>
  );
}

// Mails that carry a one-time account link: verify an address, reset a password.
import { Action, EmailLayout, Heading, Paragraph } from './email-layout';

export function VerifyEmail(p: { appUrl: string; name: string; url: string; change: boolean }) {
  return (
    <EmailLayout
      preview={p.change ? 'Confirm your new email address' : 'Confirm your email address to finish signing up'}
      appUrl={p.appUrl}
      reason="You get this mail because this address was entered on Hearth."
    >
      <Heading>{p.change ? 'Confirm your new email address' : 'Welcome to Hearth'}</Heading>
      <Paragraph>Hi {p.name},</Paragraph>
      <Paragraph>
        {p.change
          ? 'You asked to use this address for your Hearth account. It takes effect when you confirm it.'
          : 'Please confirm that this is your email address. You can shop right away; a confirmed address is needed to open a shop and keeps your account recoverable.'}
      </Paragraph>
      <Action href={p.url} label="Confirm my email" />
      <Paragraph muted>
        The link works once and expires in 48 hours. If you did not sign up, ignore this mail.
      </Paragraph>
    </EmailLayout>
  );
}

export function ResetPasswordEmail(p: { appUrl: string; name: string; url: string }) {
  return (
    <EmailLayout
      preview="Choose a new password for your Hearth account"
      appUrl={p.appUrl}
      reason="You get this mail because a password reset was asked for this address on Hearth."
    >
      <Heading>Reset your password</Heading>
      <Paragraph>Hi {p.name},</Paragraph>
      <Paragraph>Someone (hopefully you) asked to reset the password of your Hearth account.</Paragraph>
      <Action href={p.url} label="Choose a new password" />
      <Paragraph muted>
        The link works once and expires in one hour. Choosing a new password signs you out on every device. If you did
        not ask for this, ignore this mail: your password stays as it is.
      </Paragraph>
    </EmailLayout>
  );
}

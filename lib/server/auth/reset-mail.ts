import nodemailer from "nodemailer";
import type { Logger } from "../observability/logger";

/** What a password-reset link is sent with: the account's address and language, and the link. */
export interface ResetLink {
  email: string;
  name: string;
  locale: string;
  url: string;
}

export type SendResetLink = (link: ResetLink) => Promise<void>;

const TEXT = {
  en: {
    subject: "Reset your Stride password",
    body: (name: string, url: string) =>
      `Hello ${name},\n\nSomeone (we hope you) asked to reset the password of your Stride account. Open this link within an hour to choose a new one:\n\n${url}\n\nIf it was not you, ignore this mail: your password stays as it is.\n`,
  },
  "zh-CN": {
    subject: "重置你的 Stride 密码",
    body: (name: string, url: string) =>
      `${name}，你好：\n\n有人（希望是你本人）请求重置你的 Stride 账户密码。请在一小时内打开下面的链接设置新密码：\n\n${url}\n\n如果不是你本人操作，请忽略这封邮件，你的密码不会改变。\n`,
  },
} as const;

/**
 * How reset links leave the server: through SMTP when `smtpUrl` is set (nodemailer, e.g.
 * `smtps://user:pass@mail.example.edu:465`), else into the server's log, so a laptop or a test
 * without a mail server still lets a person (or a journey) follow the link.
 */
export function createResetLinkSender({ smtpUrl, from, logger }: { smtpUrl?: string; from: string; logger: Logger }): SendResetLink {
  if (!smtpUrl) {
    return async ({ email, url }) => {
      logger.info({ event: "password-reset-link", email, url }, "password reset link (no SMTP_URL set, so it is logged instead of mailed)");
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return async ({ email, name, locale, url }) => {
    const text = locale === "zh-CN" ? TEXT["zh-CN"] : TEXT.en;
    await transport.sendMail({ from, to: email, subject: text.subject, text: text.body(name, url) });
    logger.info({ event: "password-reset-mailed", email }, "password reset link mailed");
  };
}

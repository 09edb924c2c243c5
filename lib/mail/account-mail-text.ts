import type { Lang } from "../i18n/messages";
import { pluralEn } from "../i18n/plural";

const hoursEn = (n: number) => pluralEn(n, "1 hour", `${n} hours`);

export type AccountMailKind = "INVITE" | "RESET" | "VERIFY" | "ALREADY_REGISTERED";

type Params = { name: string; url: string; courseTitle?: string | null; hours: number };

const texts: Record<AccountMailKind, Record<Lang, (p: Params) => { subject: string; body: string }>> = {
  INVITE: {
    ko: (p) => ({
      subject: `IPC Lab 초대${p.courseTitle ? `: ${p.courseTitle}` : ""}`,
      body: `${p.name}님, ${p.courseTitle ? `"${p.courseTitle}" 강의에 ` : ""}IPC Lab 계정이 준비되었습니다.\n아래 링크에서 비밀번호를 정하면 로그인할 수 있습니다. 링크는 한 번만 쓸 수 있고 ${p.hours}시간 뒤 만료됩니다.\n\n${p.url}\n`,
    }),
    en: (p) => ({
      subject: `Your IPC Lab invitation${p.courseTitle ? `: ${p.courseTitle}` : ""}`,
      body: `${p.name}, an IPC Lab account is ready for you${p.courseTitle ? ` in "${p.courseTitle}"` : ""}.\nSet a password at the link below, then sign in. The link works once and expires in ${hoursEn(p.hours)}.\n\n${p.url}\n`,
    }),
  },
  RESET: {
    ko: (p) => ({
      subject: "IPC Lab 비밀번호 재설정",
      body: `${p.name}님, 비밀번호 재설정을 요청하셨습니다.\n아래 링크에서 새 비밀번호를 정하세요. 링크는 한 번만 쓸 수 있고 ${p.hours}시간 뒤 만료됩니다. 요청하지 않았다면 이 메일을 무시하세요.\n\n${p.url}\n`,
    }),
    en: (p) => ({
      subject: "Reset your IPC Lab password",
      body: `${p.name}, someone asked to reset your IPC Lab password.\nChoose a new one at the link below. The link works once and expires in ${hoursEn(p.hours)}. If this was not you, ignore this message.\n\n${p.url}\n`,
    }),
  },
  VERIFY: {
    ko: (p) => ({
      subject: "IPC Lab 이메일 주소 확인",
      body: `${p.name}님, IPC Lab 가입을 환영합니다.\n아래 링크에서 이 주소가 본인의 것임을 확인해 주세요. 확인해야 명단으로 등록된 강의에 연결됩니다. 링크는 ${p.hours}시간 뒤 만료됩니다.\n\n${p.url}\n`,
    }),
    en: (p) => ({
      subject: "Confirm your IPC Lab email address",
      body: `${p.name}, welcome to IPC Lab.\nConfirm that this address is yours at the link below: courses that list you on their roster are linked to your account only after that. The link expires in ${hoursEn(p.hours)}.\n\n${p.url}\n`,
    }),
  },
  ALREADY_REGISTERED: {
    ko: (p) => ({
      subject: "IPC Lab: 이미 계정이 있습니다",
      body: `누군가 이 주소로 IPC Lab에 가입하려 했지만, 이 주소에는 이미 계정이 있습니다.\n본인이라면 로그인하세요. 비밀번호를 잊었다면 여기서 재설정할 수 있습니다:\n\n${p.url}\n\n본인이 아니라면 이 메일을 무시하세요. 계정은 바뀌지 않았습니다.\n`,
    }),
    en: (p) => ({
      subject: "IPC Lab: you already have an account",
      body: `Someone tried to sign up for IPC Lab with this address, but it already has an account.\nIf it was you, sign in. If you forgot your password, reset it here:\n\n${p.url}\n\nIf it was not you, ignore this message: nothing about your account changed.\n`,
    }),
  },
};

/** The subject and body of an account email, in the recipient's language. */
export function accountMailText(kind: AccountMailKind, lang: Lang, params: Params): { subject: string; text: string } {
  const { subject, body } = texts[kind][lang](params);
  return { subject, text: body };
}

import type { Lang } from "./messages";

/** The account pages' texts (sign-up, reset, invitation, verification); see ADR 019. */
export const accountMessages = {
  forgotPassword: { ko: "비밀번호를 잊으셨나요?", en: "Forgot your password?" },
  forgotTitle: { ko: "비밀번호 재설정", en: "Reset your password" },
  forgotHelp: {
    ko: "계정의 이메일 주소를 입력하면 비밀번호를 정할 수 있는 링크를 보내 드립니다. 강의 명단으로 만들어진 계정도 여기서 비밀번호를 정할 수 있습니다.",
    en: "Enter your account's email address and we will send a link to choose a password. Accounts created from a course roster can set their password here too.",
  },
  sendLink: { ko: "링크 보내기", en: "Send the link" },
  forgotSent: {
    ko: "이 주소에 계정이 있다면 재설정 링크를 보냈습니다. 링크는 1시간 동안 한 번만 쓸 수 있습니다.",
    en: "If this address has an account, a reset link is on its way. It works once, within an hour.",
  },
  setPasswordTitle: { ko: "비밀번호 정하기", en: "Choose your password" },
  newPassword: { ko: "새 비밀번호", en: "New password" },
  setPassword: { ko: "비밀번호 저장", en: "Save password" },
  passwordHint: {
    // No field names (name, email) in the hint: it is part of the password field's label.
    ko: "10자 이상, 72바이트 이하(한글 한 글자는 3바이트). 개인 정보나 흔한 단어로 만든 쉬운 비밀번호는 받지 않습니다.",
    en: "At least 10 characters and at most 72 bytes. Easy guesses (your own details, common words) are refused.",
  },
  passwordSaved: { ko: "비밀번호를 저장했습니다. 이제 로그인하세요.", en: "Password saved. You can sign in now." },
  missingToken: { ko: "링크가 완전하지 않습니다. 메일의 링크 전체를 복사해 여세요.", en: "This link is incomplete: open the whole link from the email." },
  verifyTitle: { ko: "이메일 주소 확인", en: "Confirm your email address" },
  verifyHelp: { ko: "아래 버튼을 누르면 이 주소가 본인의 것임이 확인됩니다.", en: "Press the button to confirm that this address is yours." },
  verifyButton: { ko: "확인", en: "Confirm" },
  verified: { ko: "이메일 주소를 확인했습니다.", en: "Your email address is confirmed." },
  signUpSent: {
    ko: "가입 요청을 받았습니다. 이메일을 확인해 주소를 인증하세요. 이미 계정이 있는 주소라면 그 안내가 메일로 갑니다.",
    en: "Sign-up received. Check your email to confirm your address; if this address already has an account, the email says so.",
  },
} satisfies Record<string, Record<Lang, string>>;

export type AccountMessageKey = keyof typeof accountMessages;

export function ta(lang: Lang, key: AccountMessageKey): string {
  return accountMessages[key][lang];
}

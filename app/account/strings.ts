export const accountStrings = {
  title: { ko: "내 계정", en: "Your account" },
  email: { ko: "이메일", en: "Email" },
  role: { ko: "역할", en: "Role" },
  linked: { ko: "연결된 로그인", en: "Linked sign-ins" },
  none: { ko: "연결된 외부 계정이 없습니다.", en: "No outside accounts are linked." },
  linkExplain: {
    ko: "연결하면 이 계정에 해당 서비스로도 로그인할 수 있습니다. 이동한 뒤 그 서비스에 로그인하세요.",
    en: "Once linked, you can also sign in to this account with that service. You will be sent there to sign in.",
  },
  link: { ko: "계정 연결", en: "Link your account" },
  failed: { ko: "연결을 시작하지 못했습니다. 다시 시도하세요.", en: "Could not start linking. Please try again." },
} as const;
